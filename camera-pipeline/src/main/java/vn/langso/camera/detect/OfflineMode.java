package vn.langso.camera.detect;

/**
 * Keeps DJL from reaching the network: without these properties it contacts a cloud metadata address and a
 * tracking service when an engine starts.
 */
public final class OfflineMode {

    private OfflineMode() {
    }

    public static void apply() {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
    }
}
