package vn.langso.backend.ogc.tiles;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.langso.backend.layers.LayerCatalog;
import vn.langso.backend.problems.NotFoundException;

/**
 * The collections with vector tiles: {@code communes} first, then the public layers in catalog order, then
 * {@code growing-areas}.
 */
@Component
class TileCollections {

    private final LayerCatalog catalog;

    TileCollections(LayerCatalog catalog) {
        this.catalog = catalog;
    }

    Mono<List<TileCollection>> all() {
        return catalog.all().map(layers -> {
            List<TileCollection> collections = new ArrayList<>(layers.size() + 2);
            collections.add(TileCollection.COMMUNES);
            layers.forEach(layer -> collections.add(TileCollection.of(layer)));
            collections.add(TileCollection.GROWING_AREAS);
            return collections;
        });
    }

    /** Finds a collection by id, or fails with a {@link NotFoundException} listing the known ids. */
    Mono<TileCollection> find(String id) {
        return all().flatMap(collections -> collections.stream()
                .filter(collection -> collection.id().equals(id))
                .findFirst()
                .map(Mono::just)
                .orElseGet(() -> Mono.error(new NotFoundException("Collection '" + id.replaceAll("[\\r\\n]", " ")
                        + "' has no tiles. Collections with tiles: "
                        + collections.stream().map(TileCollection::id).collect(Collectors.joining(", ")) + "."))));
    }
}
