package vn.langso.camera.detect;

import java.util.Optional;

/** The object classes the agent reports, with their names on the wire. */
public enum RoadClass {
    MOTORBIKE("motorbike"),
    BICYCLE("bicycle"),
    CAR("car"),
    BUS("bus"),
    TRUCK("truck"),
    PERSON("person");

    private final String wireName;

    RoadClass(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Maps a COCO class index (0 person, 1 bicycle, 2 car, 3 motorcycle, 5 bus, 7 truck) to a road class. */
    public static Optional<RoadClass> fromCocoIndex(int index) {
        return switch (index) {
            case 0 -> Optional.of(PERSON);
            case 1 -> Optional.of(BICYCLE);
            case 2 -> Optional.of(CAR);
            case 3 -> Optional.of(MOTORBIKE);
            case 5 -> Optional.of(BUS);
            case 7 -> Optional.of(TRUCK);
            default -> Optional.empty();
        };
    }
}
