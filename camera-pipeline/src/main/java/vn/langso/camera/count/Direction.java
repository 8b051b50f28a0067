package vn.langso.camera.count;

/** Side of a counting line an object crossed towards, relative to the line's configured forward direction. */
public enum Direction {
    FORWARD("forward"),
    BACKWARD("backward");

    private final String wireName;

    Direction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
