package vn.langso.ui.reports;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import vn.langso.ui.backend.BackendResponseException;
import vn.langso.ui.backend.BackendUnavailableException;
import vn.langso.ui.i18n.TranslationProvider;

/**
 * The citizen's report form at {@code reports/new}, laid out in one column for phones: category, description,
 * location (map click or device position), address, photos and videos, and who sends it. Open reports of the same
 * category nearby are listed before sending, each with a link to follow it instead.
 */
@Route("reports/new")
public class ReportFormView extends ReportsPage {

    /** Maximum description length that the API accepts, in characters. */
    static final int MAX_DESCRIPTION = 4000;

    private final Select<ReportCategory> category = new Select<>();
    private final TextArea description = new TextArea();
    private final TextField address = new TextField();
    private final TextField reporterName = new TextField();
    private final TextField reporterPhone = new TextField();
    private final Checkbox anonymous = new Checkbox();
    private final Span locationText = new Span();
    private final Div nearby = new Div();
    private final Button submit = new Button();
    private ReportUploads uploads;
    private ReportsMap map;
    private Double lon;
    private Double lat;

    public ReportFormView(ReportsClient client, ReportMediaLimits limits, TranslationProvider translations) {
        super(client, limits, translations);
        addClassName("reports-form-page");
    }

    @Override
    protected String titleKey() {
        return "reports.form.title";
    }

    @Override
    protected void build(BeforeEnterEvent event) {
        lon = null;
        lat = null;
        List<ReportCategory> categories = loadCategories();

        category.setId("report-category");
        category.setLabel(t("reports.form.category"));
        category.setPlaceholder(t("reports.form.categoryPlaceholder"));
        category.setItems(categories);
        category.setItemLabelGenerator(item -> item.name(language));
        category.setWidthFull();
        category.addValueChangeListener(change -> refreshNearby());

        description.setId("report-description");
        description.setLabel(t("reports.form.description"));
        description.setPlaceholder(t("reports.form.descriptionPlaceholder"));
        // Anyone can read these through the map layers, Open311 and the report's page, but not the name and phone.
        description.setHelperText(t("reports.form.descriptionPublic"));
        description.setMaxLength(MAX_DESCRIPTION);
        description.setRequired(true);
        description.setWidthFull();
        description.setMinRows(3);

        map = newMap();
        map.setId("report-location-map");
        map.setPicking(true);
        map.setWidthFull();
        map.setHeight("16rem");
        map.addPickedListener(picked -> locationPicked(picked.lon(), picked.lat(), picked.fromDevice(), picked.accuracyMetres()));
        map.addLocateFailedListener(failed -> showErrorText(t("reports.form.locateFailed." + failed.code())));

        Button locate = new Button(t("reports.form.useMyLocation"), click -> map.locate());
        locate.setId("report-locate");
        locationText.setId("report-location");
        locationText.setText(t("reports.form.locationHint"));
        HorizontalLayout locationRow = new HorizontalLayout(locate, locationText);
        locationRow.setAlignItems(FlexComponent.Alignment.CENTER);
        locationRow.addClassName("reports-wrap");

        address.setId("report-address");
        address.setLabel(t("reports.form.address"));
        address.setMaxLength(500);
        address.setWidthFull();

        uploads = new ReportUploads(limits, this::showErrorText, this::t);
        Upload upload = uploads.upload();

        nearby.setId("report-nearby");
        nearby.addClassName("report-nearby");
        nearby.setVisible(false);

        submit.setText(t("reports.form.submit"));
        submit.setId("report-submit");
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        submit.setDisableOnClick(true);
        submit.addClickListener(click -> send());

        add(category, description, new H2(t("reports.form.location")), map, locationRow, address,
                new H2(t("reports.form.media")), new Span(t("reports.form.mediaHint",
                        ReportMediaLimits.megabytes(limits.maxPhotoBytes()), ReportMediaLimits.megabytes(limits.maxVideoBytes()),
                        limits.maxFiles())), upload, nearby, senderSection(), submit);
        setMaxWidth("40rem");
    }

    private List<ReportCategory> loadCategories() {
        try {
            return client.categories();
        } catch (ReportsApiException | BackendUnavailableException | BackendResponseException e) {
            showError(e, ReportProblemMessages.Action.READ);
            return List.of();
        }
    }

    private Div senderSection() {
        Div section = new Div();
        section.addClassName("report-sender");
        if (client.signedIn()) {
            anonymous.setLabel(t("reports.form.anonymous"));
            anonymous.setId("report-anonymous");
            section.add(new Span(t("reports.form.signedIn")), anonymous);
        } else {
            Span hint = new Span(t("reports.form.anonymousHint"));
            hint.addClassName("langso-muted");
            reporterName.setId("report-reporter-name");
            reporterName.setLabel(t("reports.form.reporterName"));
            reporterName.setMaxLength(200);
            reporterPhone.setId("report-reporter-phone");
            reporterPhone.setLabel(t("reports.form.reporterPhone"));
            reporterPhone.setMaxLength(20);
            reporterPhone.setPattern("[0-9 +.-]{6,20}");
            HorizontalLayout fields = new HorizontalLayout(reporterName, reporterPhone);
            fields.addClassName("reports-wrap");
            section.add(hint, fields);
        }
        return section;
    }

    private void locationPicked(double pickedLon, double pickedLat, boolean fromDevice, double accuracy) {
        lon = pickedLon;
        lat = pickedLat;
        String where = String.format(Locale.ROOT, "%.5f, %.5f", pickedLat, pickedLon);
        locationText.setText(fromDevice && accuracy > 0
                ? t("reports.form.locationFromDevice", where, Math.round(accuracy))
                : t("reports.form.locationPicked", where));
        locationText.getElement().setAttribute("data-lon", String.valueOf(pickedLon));
        locationText.getElement().setAttribute("data-lat", String.valueOf(pickedLat));
        refreshNearby();
    }

    /** Lists open reports of the chosen category near the chosen point, so the citizen can follow one instead. */
    private void refreshNearby() {
        nearby.removeAll();
        nearby.setVisible(false);
        ReportCategory chosen = category.getValue();
        if (chosen == null || lon == null || lat == null) {
            return;
        }

        NearbyReports found;
        try {
            found = client.nearby(chosen.code(), lon, lat);
        } catch (ReportsApiException e) {
            // An invalid point is explained when sending; the hint is only a help.
            nearby.getElement().setAttribute("data-outcome", "error");
            return;
        } catch (BackendUnavailableException | BackendResponseException e) {
            showError(e, ReportProblemMessages.Action.READ);
            return;
        }
        nearby.getElement().setAttribute("data-outcome", String.valueOf(found.reports().size()));
        if (found.reports().isEmpty()) {
            return;
        }

        nearby.add(new H2(t("reports.nearby.title")));
        nearby.add(new Span(t("reports.nearby.hint", found.radiusMetres(), found.windowDays())));
        for (ReportView report : found.reports()) {
            Div item = new Div();
            item.addClassName("report-nearby-item");
            item.getElement().setAttribute("data-report-id", String.valueOf(report.id()));
            String distance = report.distanceMetres() == null ? "" : " · " + Math.round(report.distanceMetres()) + " m";
            Div summary = new Div(new Span("#" + report.id() + " · " + ReportDetails.statusName(this, report.status())
                    + distance + " · " + ReportDetails.time(report.reportedAt())));
            Div text = new Div(excerpt(report.description()));
            text.addClassName("report-nearby-text");
            Button follow = new Button(t("reports.nearby.follow"),
                    click -> UI.getCurrent().navigate("reports/" + report.id()));
            follow.setId("report-follow-" + report.id());
            follow.addThemeVariants(ButtonVariant.SMALL);
            item.add(summary, text, follow);
            nearby.add(item);
        }
        nearby.setVisible(true);
    }

    private void send() {
        clearError();
        String problem = validate();
        if (problem != null) {
            showErrorText(problem);
            submit.setEnabled(true);
            return;
        }
        String text = Normalizer.normalize(description.getValue().strip(), Normalizer.Form.NFC);
        boolean sendAnonymously = !client.signedIn() || anonymous.getValue();
        NewReport report = new NewReport(category.getValue().code(), text, lon, lat, address.getValue().strip(),
                client.signedIn() ? null : reporterName.getValue().strip(),
                client.signedIn() ? null : reporterPhone.getValue().strip());
        ReportView created;
        try {
            created = client.submit(report, uploads.files(), sendAnonymously);
        } catch (ReportsApiException | BackendUnavailableException | BackendResponseException e) {
            showError(e, ReportProblemMessages.Action.SUBMIT);
            submit.setEnabled(true);
            return;
        }
        uploads.clear();
        FollowTokens.remember(created.id(), created.followToken());
        UI.getCurrent().navigate("reports/" + created.id());
    }

    /** Returns why the form cannot be sent yet, or null when it can. */
    private String validate() {
        if (category.getValue() == null) {
            return t("reports.form.categoryMissing");
        }
        String text = description.getValue().strip();
        if (text.isEmpty()) {
            return t("reports.form.descriptionMissing");
        }
        if (text.length() > MAX_DESCRIPTION) {
            return t("reports.form.descriptionTooLong", MAX_DESCRIPTION);
        }
        if ((lon == null || lat == null) && !uploads.hasPhoto()) {
            return t("reports.form.locationMissing");
        }
        return uploads.problem();
    }

    private static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        submit.setEnabled(true);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (uploads != null) {
            uploads.clear();
        }
        super.onDetach(detachEvent);
    }
}
