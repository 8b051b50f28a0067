package vn.langso.backend.layers;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import vn.langso.backend.problems.InvalidParameterException;

/** Rejects a {@code commune} filter that names no current commune, for every endpoint that takes the filter. */
@Component
public class CommuneCodeCheck {

    private final DatabaseClient database;

    CommuneCodeCheck(DatabaseClient database) {
        this.database = database;
    }

    /** Completes when the filter names no commune or a current one, and otherwise fails with a 400 naming the code. */
    public Mono<Void> require(FeatureFilter filter) {
        String code = filter.communeCode();
        if (code == null) {
            return Mono.empty();
        }
        return database.sql("SELECT EXISTS (SELECT 1 FROM admin_unit WHERE level = 'commune' AND valid_to IS NULL "
                        + "AND code = :code) AS found")
                .bind("code", code)
                .map(row -> Boolean.TRUE.equals(row.get("found", Boolean.class)))
                .one()
                .flatMap(found -> found ? Mono.<Void>empty() : Mono.error(InvalidParameterException.of("commune",
                        "commune '" + code + "' is not the code of a current commune; "
                                + "see /api/v1/communes or /api/v1/communes/search for the codes.")));
    }
}
