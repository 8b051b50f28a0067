package vn.langso.ui.reports;

import java.util.Locale;
import java.util.function.BiFunction;
import vn.langso.ui.backend.BackendResponseException;
import vn.langso.ui.backend.BackendUnavailableException;
import vn.langso.ui.i18n.Sentences;

/**
 * Turns a failed reports API call into a sentence for the person using the page, in the page's language. The
 * API's own detail (in English) is added for problems that have no specific text, so that nothing is hidden.
 */
final class ReportProblemMessages {

    /** Step in which a call failed, because one status means different things in different steps. */
    enum Action { READ, SUBMIT, WORKFLOW, MESSAGE, RATING }

    private final BiFunction<String, Object[], String> translate;
    private final ReportMediaLimits limits;

    /** @param translate looks up a translation key with its parameters in the page's language */
    ReportProblemMessages(BiFunction<String, Object[], String> translate, ReportMediaLimits limits) {
        this.translate = translate;
        this.limits = limits;
    }

    String message(RuntimeException failure, Action action) {
        return switch (failure) {
            case BackendUnavailableException unavailable ->
                    t("reports.error.unreachable", unavailable.backendUrl().toString());
            case BackendResponseException response ->
                    t("reports.error.server", serverDetail(response.detail(), response.status()));
            case ReportsApiException problem -> problemMessage(problem, action);
            default -> throw failure;
        };
    }

    private String problemMessage(ReportsApiException problem, Action action) {
        String slug = problem.typeSlug();
        return switch (problem.status()) {
            case 400 -> invalidMessage(problem);
            case 401 -> t("reports.error.unauthorized");
            case 403 -> t("reports.error.forbidden");
            case 404 -> "outside-province".equals(slug) ? t("reports.error.outsideProvince") : t("reports.error.notFound");
            case 409 -> switch (action) {
                case RATING -> t("reports.error.ratingTooEarly");
                case SUBMIT, READ, MESSAGE -> t("reports.error.conflictOther", problem.detail());
                case WORKFLOW -> t("reports.error.conflict");
            };
            case 413 -> t("reports.error.tooLarge", ReportMediaLimits.megabytes(limits.maxPhotoBytes()),
                    ReportMediaLimits.megabytes(limits.maxVideoBytes()), limits.maxFiles(), problem.detail());
            case 415 -> t("reports.error.wrongType");
            case 429 -> problem.retryAfter() == null
                    ? t("reports.error.tooMany")
                    : t("reports.error.tooManyRetry", Math.max(1, (problem.retryAfter().toSeconds() + 59) / 60));
            case 0 -> t("reports.error.server", serverDetail(problem.detail(), problem.status()));
            default -> problem.status() >= 500
                    ? t("reports.error.server", serverDetail(problem.detail(), problem.status()))
                    : t("reports.error.other", problem.status(), problem.detail());
        };
    }

    /** Explains a 400 by the first field it names, with the API's reason for fields that have no own text. */
    private String invalidMessage(ReportsApiException problem) {
        String detail = problem.detail().toLowerCase(Locale.ROOT);
        if ("outside-province".equals(problem.typeSlug()) || detail.contains("outside")) {
            return detail.contains("swapped") ? t("reports.error.swapped") : t("reports.error.outsideProvince");
        }
        if (detail.contains("swapped")) {
            return t("reports.error.swapped");
        }
        for (ReportsApiException.InvalidParam param : problem.invalidParams()) {
            String reason = param.reason().toLowerCase(Locale.ROOT);
            switch (param.name()) {
                case "lon", "lat", "location" -> {
                    if (reason.contains("swapped")) {
                        return t("reports.error.swapped");
                    }
                    return reason.contains("missing") || reason.contains("required")
                            ? t("reports.error.locationMissing")
                            : t("reports.error.outsideProvince");
                }
                case "description" -> {
                    return t("reports.error.description", param.reason());
                }
                case "category" -> {
                    return t("reports.error.category");
                }
                case "reason" -> {
                    return t("reports.error.reasonMissing");
                }
                default -> {
                    return t("reports.error.invalidField", param.name(), param.reason());
                }
            }
        }
        return t("reports.error.invalid", problem.detail());
    }

    /** Formats the API's detail as one whole sentence, because the server error text adds no full stop after it. */
    private static String serverDetail(String detail, int status) {
        String sentence = Sentences.withFinalStop(detail);
        return sentence.isEmpty() ? "HTTP " + status + "." : sentence;
    }

    private String t(String key, Object... params) {
        return translate.apply(key, params);
    }
}
