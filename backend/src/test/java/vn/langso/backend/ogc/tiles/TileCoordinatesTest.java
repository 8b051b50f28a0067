package vn.langso.backend.ogc.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.langso.backend.problems.InvalidParameterException;
import vn.langso.backend.problems.NotFoundException;

/** The tile path check that runs before any database work, and the ETag comparison. */
class TileCoordinatesTest {

    @Test
    void validTileParsed() {
        TileCoordinates tile = TileCoordinates.parse("12", "1928", "3249", 0, 22);

        assertThat(tile.zoom()).isEqualTo(12);
        assertThat(tile.row()).isEqualTo(1928);
        assertThat(tile.col()).isEqualTo(3249);
        assertThat(tile).hasToString("12/1928/3249");
    }

    @Test
    void cornersOfRangeAccepted() {
        assertThat(TileCoordinates.parse("0", "0", "0", 0, 22).zoom()).isZero();
        assertThat(TileCoordinates.parse("22", "4194303", "4194303", 0, 22).row()).isEqualTo(4194303);
        assertThat(TileCoordinates.parse("3", "7", "0", 0, 22).row()).isEqualTo(7);
    }

    @ParameterizedTest
    @CsvSource({"-1,0,0", "23,0,0", "25,0,0", "99999999999999999999999,0,0", "12,-1,0", "12,0,-1",
            "12,4096,0", "12,0,4096", "0,1,0", "0,0,1", "12,99999999999999999999999,0"})
    void outsideLimitsNotFound(String zoom, String row, String col) {
        assertThatThrownBy(() -> TileCoordinates.parse(zoom, row, col, 0, 22))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining(zoom.startsWith("-") || zoom.length() > 2 || Integer.parseInt(zoom) > 22
                        ? "Tile matrix " : "outside tile matrix");
    }

    @Test
    void configuredZoomRangeEnforced() {
        assertThatThrownBy(() -> TileCoordinates.parse("4", "0", "0", 5, 10)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("5 to 10");
        assertThatThrownBy(() -> TileCoordinates.parse("11", "0", "0", 5, 10)).isInstanceOf(NotFoundException.class);
        assertThat(TileCoordinates.parse("10", "0", "0", 5, 10).zoom()).isEqualTo(10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "abc", "", " 1", "1e3", "0x10", "١٢", "12a", "--1"})
    void nonIntegerRejected(String segment) {
        assertThatThrownBy(() -> TileCoordinates.parse(segment, "0", "0", 0, 22))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("tileMatrix");
        assertThatThrownBy(() -> TileCoordinates.parse("1", segment, "0", 0, 22))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("tileRow");
        assertThatThrownBy(() -> TileCoordinates.parse("1", "0", segment, 0, 22))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("tileCol");
    }

    @Test
    void aggregationCellIsTileOver64() {
        TileCoordinates world = TileCoordinates.parse("0", "0", "0", 0, 22);
        TileCoordinates z10 = TileCoordinates.parse("10", "0", "0", 0, 22);

        assertThat(world.aggregationCellSize()).isCloseTo(2 * Math.PI * 6378137.0 / 64, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(z10.aggregationCellSize()).isCloseTo(world.aggregationCellSize() / 1024, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void etagMatchingWeakAndLists() {
        String etag = TileResponses.etag(new byte[]{1, 2, 3});

        assertThat(etag).matches("\"[0-9a-f]{24}\"");
        assertThat(TileResponses.etag(new byte[]{1, 2, 3})).isEqualTo(etag);
        assertThat(TileResponses.etag(new byte[]{1, 2, 4})).isNotEqualTo(etag);
        assertThat(TileResponses.etag(new byte[]{1, 2, 3, 0})).isNotEqualTo(etag);
        assertThat(TileResponses.etag(new byte[]{3, 2, 1})).isNotEqualTo(etag);
        assertThat(TileResponses.matches(List.of(etag), etag)).isTrue();
        assertThat(TileResponses.matches(List.of("W/" + etag), etag)).isTrue();
        assertThat(TileResponses.matches(List.of("\"other\", " + etag), etag)).isTrue();
        assertThat(TileResponses.matches(List.of("*"), etag)).isTrue();
        assertThat(TileResponses.matches(List.of("\"other\""), etag)).isFalse();
        assertThat(TileResponses.matches(List.of(), etag)).isFalse();
    }
}
