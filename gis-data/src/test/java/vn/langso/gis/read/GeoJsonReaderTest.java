package vn.langso.gis.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.langso.gis.model.SourceFeature;

class GeoJsonReaderTest {

    @TempDir
    Path folder;

    private Path write(String name, String content) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

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
    void featureCollectionReadInOrder() throws IOException {
        Path file = write("a.geojson", """
                {"type":"FeatureCollection","name":"test","features":[
                 {"type":"Feature","id":7,"properties":{"name":"Một","n":1,"nested":{"k":[1,2]}},
                  "geometry":{"type":"Point","coordinates":[105.63,10.46,3.5]}},
                 {"type":"Feature","properties":null,"geometry":{"type":"Polygon","coordinates":[[[105,10],[106,10],[106,11],[105,10]]]}},
                 {"type":"Feature","properties":{},"geometry":null}
                ],"bbox":[105,10,106,11]}""");

        List<SourceFeature> features = readAll(file, OptionalInt.empty());

        assertThat(features).extracting(SourceFeature::number).containsExactly(1, 2, 3);
        assertThat(features.get(0).id()).isEqualTo("7");
        assertThat(features.get(0).properties()).containsEntry("name", "Một").containsKey("nested");
        assertThat(features.get(0).geometry().getCoordinate().x).isEqualTo(105.63);
        assertThat(features.get(0).srid()).isEqualTo(4326);
        assertThat(features.get(1).geometry().getGeometryType()).isEqualTo("Polygon");
        assertThat(features.get(1).properties()).isEmpty();
        assertThat(features.get(2).geometry()).isNull();
        assertThat(features.get(2).problem()).isNull();
    }

    @Test
    void legacyCrsSetsSrid() throws IOException {
        Path file = write("vn2000.geojson", """
                {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::3405"}},
                 "features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[569067.87,1156486.59]}}]}""");

        assertThat(readAll(file, OptionalInt.empty())).singleElement().extracting(SourceFeature::srid).isEqualTo(3405);
        assertThat(readAll(file, OptionalInt.of(5897))).singleElement().extracting(SourceFeature::srid).isEqualTo(5897);
    }

    @Test
    void crs84AndShortEpsgNamesAccepted() throws IOException {
        Path crs84 = write("crs84.geojson", """
                {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},"features":[
                 {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[105.6,10.4]}}]}""");
        Path shortName = write("short.geojson", """
                {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:5897"}},"features":[
                 {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[569088.6,1156833.7]}}]}""");

        assertThat(readAll(crs84, OptionalInt.empty()).getFirst().srid()).isEqualTo(4326);
        assertThat(readAll(shortName, OptionalInt.empty()).getFirst().srid()).isEqualTo(5897);
    }

    @Test
    void unsupportedCrsFails() throws IOException {
        Path file = write("odd.geojson", """
                {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"LOCAL:1"}},"features":[]}""");

        assertThatThrownBy(() -> readAll(file, OptionalInt.empty()))
                .isInstanceOf(FeatureReadException.class)
                .hasMessageContaining("unsupported crs 'LOCAL:1'");
    }

    @Test
    void crsAfterFeaturesFails() throws IOException {
        Path file = write("late.geojson", """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[105.6,10.4]}}],
                 "crs":{"type":"name","properties":{"name":"EPSG:3405"}}}""");

        assertThatThrownBy(() -> readAll(file, OptionalInt.empty()))
                .isInstanceOf(FeatureReadException.class)
                .hasMessageContaining("'crs' member comes after the features");
    }

    @Test
    void singleFeatureAccepted() throws IOException {
        Path file = write("one.geojson", """
                {"properties":{"name":"Một"},"geometry":{"type":"Point","coordinates":[105.6,10.4]},"type":"Feature","id":"x"}""");

        List<SourceFeature> features = readAll(file, OptionalInt.empty());

        assertThat(features).singleElement().satisfies(feature -> {
            assertThat(feature.number()).isEqualTo(1);
            assertThat(feature.id()).isEqualTo("x");
            assertThat(feature.properties()).containsEntry("name", "Một");
        });
    }

    @Test
    void badGeometriesBecomeFeatureProblems() throws IOException {
        Path file = write("bad.geojson", """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":["105.6","10.4"]}},
                 {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[105,10],[106,10],[106,11],[105,11]]]}},
                 {"type":"Feature","properties":{},"geometry":{"type":"Circle","coordinates":[105,10]}},
                 {"type":"Feature","properties":{},"geometry":{"type":"Point"}},
                 {"type":"Point","coordinates":[105,10]}
                ]}""");

        List<SourceFeature> features = readAll(file, OptionalInt.empty());

        assertThat(features).extracting(SourceFeature::problem).containsExactly(
                "coordinate [\"105.6\",\"10.4\"] is not numeric",
                "polygon ring is not closed: first position [105,10] differs from the last [105,11]",
                "unknown geometry type 'Circle'; expected Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon or GeometryCollection",
                "Point has no 'coordinates' array",
                "not a GeoJSON Feature object");
    }

    @Test
    void malformedJsonNamesFileAndPosition() throws IOException {
        Path file = write("broken.geojson", "{\"type\":\"FeatureCollection\",\n\"features\":[\n{\"type\":\"Feature\",,}]}");

        assertThatThrownBy(() -> readAll(file, OptionalInt.empty()))
                .isInstanceOf(FeatureReadException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("malformed JSON at line 3, column 19");
    }

    @Test
    void truncatedFileFails() throws IOException {
        Path file = write("cut.geojson", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{}");

        assertThatThrownBy(() -> readAll(file, OptionalInt.empty()))
                .isInstanceOf(FeatureReadException.class)
                .hasMessageContaining("malformed JSON");
    }

    @Test
    void emptyAndNonObjectFilesFail() throws IOException {
        Path empty = write("empty.geojson", "");
        Path blank = write("blank.json", "  \n ");
        Path array = write("array.geojson", "[1,2]");
        Path noType = write("notype.geojson", "{\"features\":[]}");

        assertThatThrownBy(() -> readAll(empty, OptionalInt.empty())).hasMessageContaining("file is empty");
        assertThatThrownBy(() -> readAll(blank, OptionalInt.empty())).hasMessageContaining("file contains no JSON");
        assertThatThrownBy(() -> readAll(array, OptionalInt.empty())).hasMessageContaining("expected a JSON object");
        assertThatThrownBy(() -> readAll(noType, OptionalInt.empty())).hasMessageContaining("top-level 'type' is missing");
    }

    @Test
    void unsupportedExtensionFails() throws IOException {
        Path file = write("data.shp", "x");

        assertThatThrownBy(() -> FeatureReaders.open(file, OptionalInt.empty()))
                .isInstanceOf(FeatureReadException.class)
                .hasMessageContaining("unsupported file type; expected one of .geojson, .json, .csv, .gpkg");
    }

    @Test
    void missingFileFails() {
        assertThatThrownBy(() -> FeatureReaders.open(folder.resolve("nothing.geojson"), OptionalInt.empty()))
                .isInstanceOf(FeatureReadException.class)
                .hasMessageContaining("file not found");
    }
}
