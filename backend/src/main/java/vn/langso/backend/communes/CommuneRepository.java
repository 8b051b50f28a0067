package vn.langso.backend.communes;

import java.time.LocalDate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import vn.langso.backend.sql.SqlStatement;
import vn.langso.backend.web.Bbox;
import vn.langso.backend.web.Coordinates;
import vn.langso.backend.web.Page;

/** Reads administrative units from {@code admin_unit} as GeoJSON Feature text built by PostgreSQL. */
@Repository
class CommuneRepository {

    /**
     * The Feature of unit {@code u}. The first {@code %s} extends its properties and the second the Feature
     * itself; both are empty in listings.
     */
    private static final String UNIT_JSON = """
            (jsonb_build_object(
                'type', 'Feature',
                'id', u.code,
                'geometry', ST_AsGeoJSON(u.geom)::jsonb,
                'properties', jsonb_build_object(
                    'code', u.code, 'name', u.name, 'level', u.level, 'unit_type', u.unit_type,
                    'parent_code', u.parent_code, 'valid_from', u.valid_from, 'valid_to', u.valid_to)%s
            )%s)::text AS feature""";
    private static final String LISTED_UNIT_JSON = UNIT_JSON.formatted("", "");

    /** The province code: the parent, or the parent's parent for a pre-2025 commune under a district. */
    private static final String PROVINCE_CODE_PROPERTY = """
             || jsonb_build_object('province_code', COALESCE(
                    (SELECT CASE WHEN p.level = 'province' THEN p.code ELSE p.parent_code END
                       FROM admin_unit p
                      WHERE p.code = u.parent_code AND p.level IN ('province', 'district')
                      ORDER BY p.valid_to IS NULL DESC, p.valid_from DESC
                      LIMIT 1),
                    u.parent_code))""";
    private static final String BBOX_MEMBER = """
             || jsonb_build_object('bbox', jsonb_build_array(
                    ST_XMin(u.geom), ST_YMin(u.geom), ST_XMax(u.geom), ST_YMax(u.geom)))""";
    private static final String SINGLE_UNIT_JSON = UNIT_JSON.formatted(" " + PROVINCE_CODE_PROPERTY, " " + BBOX_MEMBER);

    private static final String CURRENT_COMMUNE = "u.level = 'commune' AND u.valid_to IS NULL";

    private final DatabaseClient database;

    CommuneRepository(DatabaseClient database) {
        this.database = database;
    }

    /** Finds one page of the current communes, ordered by code. */
    Flux<String> findCurrent(Bbox bbox, Page page) {
        SqlStatement statement = currentCommunes(bbox);
        String sql = "SELECT " + LISTED_UNIT_JSON + " FROM admin_unit u" + statement.whereClause()
                + " ORDER BY u.code LIMIT :limit OFFSET :offset";
        statement.bind("limit", page.limit()).bind("offset", page.offset());
        return statement.prepare(database, sql).map(row -> row.get("feature", String.class)).all();
    }

    Mono<Long> countCurrent(Bbox bbox) {
        SqlStatement statement = currentCommunes(bbox);
        return statement.prepare(database, "SELECT count(*) AS matched FROM admin_unit u" + statement.whereClause())
                .map(row -> row.get("matched", Long.class))
                .one();
    }

    /** Finds the current commune with this code, with its bbox and province code, or returns empty. */
    Mono<String> findCurrentByCode(String code) {
        String sql = "SELECT " + SINGLE_UNIT_JSON + " FROM admin_unit u WHERE "
                + CURRENT_COMMUNE + " AND u.code = :code";
        return database.sql(sql).bind("code", code).map(row -> row.get("feature", String.class)).one();
    }

    /**
     * The code of the current commune containing a point (a point in a gap between simplified polygons takes
     * the nearest commune within 300 m, as the database function {@code current_commune_at} defines).
     */
    Mono<CommuneAtPoint> codeAt(Coordinates point) {
        boolean swapPossible = Math.abs(point.lon()) <= 90;
        String sql = "SELECT current_commune_at(ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)) AS code, "
                + (swapPossible ? "current_commune_at(ST_SetSRID(ST_MakePoint(:lat, :lon), 4326))" : "NULL::text")
                + " AS swapped_code";
        return database.sql(sql)
                .bind("lon", point.lon())
                .bind("lat", point.lat())
                .map(row -> new CommuneAtPoint(row.get("code", String.class), row.get("swapped_code", String.class)))
                .one();
    }

    /**
     * Finds the communes whose name, or unit type and name, contains the folded text: current communes first,
     * then former ones with the current commune they are now part of. Within each group, names that start
     * with the text come first.
     */
    Flux<CommuneSearchResult> search(String text, int limit) {
        String sql = """
                SELECT u.code, u.name, u.unit_type, u.valid_to,
                       ST_XMin(u.geom) AS west, ST_YMin(u.geom) AS south, ST_XMax(u.geom) AS east, ST_YMax(u.geom) AS north,
                       ST_X(ST_PointOnSurface(u.geom)) AS center_lon, ST_Y(ST_PointOnSurface(u.geom)) AS center_lat,
                       successor.code AS now_code, successor.name AS now_name, successor.unit_type AS now_unit_type
                  FROM admin_unit u
                 CROSS JOIN fold_vietnamese(:text) AS folded(key)
                  LEFT JOIN LATERAL (
                        SELECT c.code, c.name, c.unit_type
                          FROM admin_unit c
                         WHERE u.valid_to IS NOT NULL
                           AND c.level = 'commune' AND c.valid_to IS NULL
                           AND c.code = current_commune_at(ST_PointOnSurface(u.geom))
                         LIMIT 1) successor ON true
                 WHERE u.level = 'commune'
                   AND (strpos(u.name_folded, folded.key) > 0
                        OR strpos(fold_vietnamese(coalesce(u.unit_type, '') || ' ' || u.name), folded.key) > 0)
                 ORDER BY u.valid_to IS NOT NULL,
                          CASE WHEN starts_with(u.name_folded, folded.key) THEN 0
                               WHEN starts_with(fold_vietnamese(coalesce(u.unit_type, '') || ' ' || u.name), folded.key) THEN 1
                               ELSE 2 END,
                          u.valid_to DESC NULLS FIRST, u.name, u.code
                 LIMIT :limit""";
        return database.sql(sql)
                .bind("text", text)
                .bind("limit", limit)
                .map(row -> {
                    String successorCode = row.get("now_code", String.class);
                    CommuneSearchResult.CurrentCommune successor = successorCode == null ? null
                            : new CommuneSearchResult.CurrentCommune(successorCode,
                                    row.get("now_name", String.class), row.get("now_unit_type", String.class));
                    return new CommuneSearchResult(
                            row.get("code", String.class),
                            row.get("name", String.class),
                            row.get("unit_type", String.class),
                            new double[] {row.get("west", Double.class), row.get("south", Double.class),
                                    row.get("east", Double.class), row.get("north", Double.class)},
                            new double[] {row.get("center_lon", Double.class), row.get("center_lat", Double.class)},
                            row.get("valid_to", LocalDate.class),
                            successor);
                })
                .all();
    }

    /** Finds one page of the units of a level (all levels when null) valid on a date, by level then code. */
    Flux<String> findValidOn(String level, LocalDate date, Bbox bbox, Page page) {
        SqlStatement statement = validOn(level, date, bbox);
        String sql = "SELECT " + LISTED_UNIT_JSON + " FROM admin_unit u" + statement.whereClause()
                + " ORDER BY u.level, u.code LIMIT :limit OFFSET :offset";
        statement.bind("limit", page.limit()).bind("offset", page.offset());
        return statement.prepare(database, sql).map(row -> row.get("feature", String.class)).all();
    }

    Mono<Long> countValidOn(String level, LocalDate date, Bbox bbox) {
        SqlStatement statement = validOn(level, date, bbox);
        return statement.prepare(database, "SELECT count(*) AS matched FROM admin_unit u" + statement.whereClause())
                .map(row -> row.get("matched", Long.class))
                .one();
    }

    private static SqlStatement currentCommunes(Bbox bbox) {
        SqlStatement statement = new SqlStatement().where(CURRENT_COMMUNE);
        addBbox(statement, bbox);
        return statement;
    }

    private static SqlStatement validOn(String level, LocalDate date, Bbox bbox) {
        SqlStatement statement = new SqlStatement()
                .where("u.valid_from <= :date AND (u.valid_to IS NULL OR u.valid_to > :date)")
                .bind("date", date);
        if (level != null) {
            statement.where("u.level = :level").bind("level", level);
        }
        addBbox(statement, bbox);
        return statement;
    }

    private static void addBbox(SqlStatement statement, Bbox bbox) {
        if (bbox == null) {
            return;
        }
        statement.bind("west", bbox.west()).bind("south", bbox.south())
                .bind("east", bbox.east()).bind("north", bbox.north());
        if (bbox.crossesAntimeridian()) {
            statement.where("(ST_Intersects(u.geom, " + Bbox.sqlEnvelope(":west, :south, 180, :north, 4326") + ")"
                    + " OR ST_Intersects(u.geom, " + Bbox.sqlEnvelope("-180, :south, :east, :north, 4326") + "))");
        } else {
            statement.where("ST_Intersects(u.geom, " + Bbox.sqlEnvelope(":west, :south, :east, :north, 4326") + ")");
        }
    }
}
