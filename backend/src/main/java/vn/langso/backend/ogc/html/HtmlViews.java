package vn.langso.backend.ogc.html;

/** The HTML pages of the OGC API, one per kind of document. */
public final class HtmlViews {

    /** Any document as nested lists, for documents without a page of their own (queryables, tile metadata). */
    public static final HtmlView TREE = JsonTreePage::render;
    public static final HtmlView LANDING = LandingPage::render;
    public static final HtmlView CONFORMANCE = ConformancePage::render;
    public static final HtmlView COLLECTIONS = CollectionsPage::render;
    public static final HtmlView COLLECTION = CollectionPage::render;
    public static final HtmlView ITEMS = ItemsPage::render;
    public static final HtmlView ITEM = ItemPage::render;
    public static final HtmlView API_DOCUMENT = ApiDocumentPage::render;

    /** The Content-Security-Policy header of every page, which {@link PageLayout} explains. */
    public static final String CONTENT_SECURITY_POLICY = PageLayout.CONTENT_SECURITY_POLICY;

    private HtmlViews() {
    }
}
