package vn.langso.backend.ogc.tiles;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the vector tiles under {@code langso.tiles.*}, validated at start-up together with the
 * other settings.
 *
 * @param minZoom            smallest tile matrix (zoom level) served ({@code langso.tiles.min-zoom}, default 0)
 * @param maxZoom            largest tile matrix served; WebMercatorQuad defines 0 to 24
 *                           ({@code langso.tiles.max-zoom}, default 22)
 * @param aggregateBelowZoom below this zoom, point layers are aggregated into a grid of 64 x 64 cells per tile
 *                           with a {@code count} per cell; from it on, points are served one by one with their
 *                           attributes ({@code langso.tiles.aggregate-below-zoom}, default 13)
 * @param maxAge             lifetime that {@code Cache-Control: public, max-age} gives caches
 *                           ({@code langso.tiles.max-age}, default 300s)
 */
@ConfigurationProperties("langso.tiles")
@Validated
public record TileProperties(@DefaultValue("0") @Min(0) @Max(WebMercatorQuad.MAX_ZOOM) int minZoom,
                             @DefaultValue("22") @Min(0) @Max(WebMercatorQuad.MAX_ZOOM) int maxZoom,
                             @DefaultValue("13") @Min(0) @Max(WebMercatorQuad.MAX_ZOOM + 1) int aggregateBelowZoom,
                             @DefaultValue("300s") @NotNull Duration maxAge) {

    @AssertTrue(message = "langso.tiles.min-zoom must not be greater than langso.tiles.max-zoom")
    public boolean isMinZoomWithinMaxZoom() {
        return minZoom <= maxZoom;
    }

    @AssertTrue(message = "langso.tiles.max-age must be zero or positive, for example 300s")
    public boolean isMaxAgeNotNegative() {
        return maxAge == null || !maxAge.isNegative();
    }

    /** Tells whether point layers are aggregated into grid cells at this zoom. */
    boolean aggregatesAt(int zoom) {
        return zoom < aggregateBelowZoom;
    }
}
