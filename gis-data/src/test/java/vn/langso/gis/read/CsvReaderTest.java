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

class CsvReaderTest {

    @TempDir
    Path folder;

    private Path write(String name, String content) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static List<SourceFeature> readAll(Path file) {
        List<SourceFeature> features = new ArrayList<>();
        try (FeatureReader reader = FeatureReaders.open(file, OptionalInt.empty())) {
            SourceFeature feature;
            while ((feature = reader.next()) != null) {
                features.add(feature);
            }
        }
        return features;
    }

    @Test
    void commaSeparatedWithQuotedFields() throws IOException {
        Path file = write("a.csv", """
                id,name,Longitude,Latitude,address
                k1,"Chợ Cao Lãnh",105.6318,10.4621,"Số 1, đường Nguyễn Huệ"
                k2,Nhà thuốc,105.76,10.29,
                """);

        List<SourceFeature> features = readAll(file);

        assertThat(features).hasSize(2);
        assertThat(features.get(0).number()).isEqualTo(1);
        assertThat(features.get(0).id()).isEqualTo("k1");
        assertThat(features.get(0).geometry().getCoordinate().x).isEqualTo(105.6318);
        assertThat(features.get(0).geometry().getCoordinate().y).isEqualTo(10.4621);
        assertThat(features.get(0).properties()).containsEntry("address", "Số 1, đường Nguyễn Huệ")
                .doesNotContainKeys("Longitude", "Latitude");
        assertThat(features.get(1).properties()).containsEntry("address", null);
    }

    @Test
    void semicolonsWithDecimalCommas() throws IOException {
        Path file = write("b.csv", "ten;x;y\nA;105,63;10,46\n");

        SourceFeature feature = readAll(file).getFirst();

        assertThat(feature.geometry().getCoordinate().x).isEqualTo(105.63);
        assertThat(feature.geometry().getCoordinate().y).isEqualTo(10.46);
        assertThat(feature.properties()).containsEntry("ten", "A");
    }

    @Test
    void byteOrderMarkAndShortNames() throws IOException {
        Path file = write("c.csv", "\uFEFFlng,lat,name\n105.6,10.4,A\n");

        assertThat(readAll(file).getFirst().geometry().getCoordinate().x).isEqualTo(105.6);
    }

    @Test
    void nonNumericAndMissingCoordinatesBecomeProblems() throws IOException {
        Path file = write("d.csv", "lon,lat,name\nabc,10.4,A\n105.6,,B\nNaN,10.4,C\n105.6,10.4,D,extra\n");

        List<SourceFeature> features = readAll(file);

        assertThat(features).extracting(SourceFeature::number).containsExactly(1, 2, 3, 4);
        assertThat(features.get(0).problem()).isEqualTo("coordinate is not a number: lon='abc', lat='10.4'");
        assertThat(features.get(1).problem()).isEqualTo("coordinate is not a number: lon='105.6', lat=''");
        assertThat(features.get(2).problem()).startsWith("coordinate is not a number");
        assertThat(features.get(3).problem()).isEqualTo("row has 4 fields but the header has 3");
    }

    @Test
    void missingCoordinateColumnsNamed() throws IOException {
        Path file = write("e.csv", "name,kinh_do,vi_do\nA,105.6,10.4\n");

        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(FeatureReadException.class)
                .hasMessageContaining("the header has [name, kinh_do, vi_do]")
                .hasMessageContaining("one of [lon, lng, long, longitude, x]")
                .hasMessageContaining("one of [lat, latitude, y]");
    }

    @Test
    void emptyFileFails() throws IOException {
        Path file = write("f.csv", "");

        assertThatThrownBy(() -> readAll(file)).hasMessageContaining("file is empty; expected a CSV file with a header line");
    }

    @Test
    void headerOnlyGivesNoFeatures() throws IOException {
        Path file = write("g.csv", "lon,lat,name\n");

        assertThat(readAll(file)).isEmpty();
    }
}
