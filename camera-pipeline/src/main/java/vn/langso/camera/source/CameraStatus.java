package vn.langso.camera.source;

/** Connection state of a camera as reported in heartbeats. */
public enum CameraStatus {
    CONNECTING("connecting"),
    ONLINE("online"),
    OFFLINE("offline");

    private final String wireName;

    CameraStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
