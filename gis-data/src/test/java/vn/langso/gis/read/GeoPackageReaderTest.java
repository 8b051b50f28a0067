package vn.langso.gis.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.langso.gis.model.SourceFeature;

class GeoPackageReaderTest {

    @TempDir
    Path folder;

    private static List<SourceFeature> readAll(Path file, OptionalInt srid) {
        List<SourceFeature> features = new ArrayList<>();
        try (FeatureReader reader = FeatureReaders.open(file, srid)) {
            SourceFeature feature;
            while ((feature = reader.next()) != null) {
                features.add(feature);
            }
            assertThat(reader.progress()).isEqualTo(1.0);
        }
        return features;
    }

    @Test
    void pointsAttributesAndSrid() throws Exception {
        Path file = TestGeoPackages.write(folder.resolve("places.gpkg"), 4326,
                new double[][] {{105.63, 10.46}, {105.76, 10.29}, null}, new String[] {"Trường A", "Trường B", "Không vị trí"});

        List<SourceFeature> features = readAll(file, OptionalInt.empty());

        assertThat(features).extracting(SourceFeature::number).containsExactly(1, 2, 3);
        assertThat(features).extracting(SourceFeature::id).containsExactly("places:1", "places:2", "places:3");
        assertThat(features.get(0).srid()).isEqualTo(4326);
        assertThat(features.get(0).geometry().getCoordinate().x).isEqualTo(105.63);
        assertThat(features.get(1).properties()).containsEntry("name", "Trường B").containsEntry("student_count", 200L)
                .doesNotContainKeys("geom", "id");
        assertThat(features.get(2).geometry()).isNull();
    }

    @Test
    void projectedSridFromPackageOrOverride() throws Exception {
        Path file = TestGeoPackages.write(folder.resolve("vn2000.gpkg"), 3405,
                new double[][] {{569067.87, 1156486.59}}, new String[] {"Điểm"});

        assertThat(readAll(file, OptionalInt.empty()).getFirst().srid()).isEqualTo(3405);
        assertThat(readAll(file, OptionalInt.of(5897)).getFirst().srid()).isEqualTo(5897);
    }

    @Test
    void notAGeoPackageFails() throws Exception {
        Path file = folder.resolve("fake.gpkg");
        java.nio.file.Files.writeString(file, "not sqlite");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> readAll(file, OptionalInt.empty()))
                .isInstanceOf(FeatureReadException.class)
                .hasMessageContaining("fake.gpkg");
    }
}
