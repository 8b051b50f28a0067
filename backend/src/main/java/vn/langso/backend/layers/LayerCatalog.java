package vn.langso.backend.layers;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.langso.backend.problems.NotFoundException;
import vn.langso.backend.sql.SqlStatement;

/**
 * The public layers of the {@code layer} catalog, loaded once and reloaded every few minutes so that a
 * layer added by a migration appears without a restart. Layers holding personal data are left out.
 */
@Component
public class LayerCatalog {

    private static final Logger log = LoggerFactory.getLogger(LayerCatalog.class);
    private static final Duration RELOAD_INTERVAL = Duration.ofMinutes(5);

    private final Mono<List<LayerDefinition>> publicLayers;

    LayerCatalog(DatabaseClient database) {
        this.publicLayers = database.sql("""
                        SELECT name, table_name, title_vi, title_en, description_vi, description_en,
                               geometry_type, personal_data, sort_order
                          FROM layer
                         WHERE NOT personal_data
                         ORDER BY sort_order, name""")
                .map(row -> new LayerDefinition(
                        row.get("name", String.class),
                        row.get("table_name", String.class),
                        row.get("title_vi", String.class),
                        row.get("title_en", String.class),
                        row.get("description_vi", String.class),
                        row.get("description_en", String.class),
                        row.get("geometry_type", String.class),
                        Boolean.TRUE.equals(row.get("personal_data", Boolean.class)),
                        row.get("sort_order", Integer.class)))
                .all()
                .doOnNext(layer -> SqlStatement.quoteIdentifier(layer.tableName()))
                .collectList()
                .doOnNext(layers -> log.info("Loaded {} public layers from the catalog", layers.size()))
                .doOnError(error -> log.error("Loading the layer catalog failed; retrying on the next request", error))
                .cache(layers -> RELOAD_INTERVAL, error -> Duration.ZERO, () -> Duration.ZERO);
    }

    /** Returns the public layers in catalog order. */
    public Mono<List<LayerDefinition>> all() {
        return publicLayers;
    }

    /** Finds the public layer with this name, or fails with a {@link NotFoundException} listing the known layers. */
    public Mono<LayerDefinition> find(String name) {
        return publicLayers.flatMap(layers -> layers.stream()
                .filter(layer -> layer.name().equals(name))
                .findFirst()
                .map(Mono::just)
                .orElseGet(() -> Mono.error(new NotFoundException("Layer '" + name.replaceAll("[\\r\\n]", " ")
                        + "' does not exist. Known layers: "
                        + layers.stream().map(LayerDefinition::name).collect(Collectors.joining(", ")) + "."))));
    }
}
