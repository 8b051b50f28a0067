package vn.langso.bench;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /ogc/collections/merchants/items?bbox=...&limit=N} for random boxes sized to contain about 1000
 * points, against the statement the backend runs for it (the count of numberMatched and the page of Feature
 * text joined by PostgreSQL) run over JDBC.
 */
final class ItemsCase implements BenchCase {

    /** Expected number of points in each box. */
    static final int BOX_POINTS = 1000;

    /**
     * The statement of ItemsRepository.findPage for the merchants collection in CRS84 with a bbox. It counts all
     * matches and joins the page of Feature text, with the served properties in OgcCollections order, 9 coordinate
     * decimals and features ordered by id.
     */
    // NOTE: a copy of the SQL that ItemsRepository and OgcCollections build, to update when they change.
    // verify() fails when the API's features differ from these.
    static final String PAGE_SQL = """
            SELECT (SELECT count(*) FROM "merchant" t \
            WHERE ST_Intersects(t.geom, ST_Envelope(ST_MakeEnvelope(?, ?, ?, ?, 4326)))) AS matched, count(*) AS returned, \
            COALESCE(string_agg(p.feature, ',' ORDER BY p.id), '') AS features FROM (\
            SELECT t.id AS id, jsonb_build_object('type', 'Feature', 'id', t.id, \
            'geometry', ST_AsGeoJSON(t.geom, 9, 0)::jsonb, \
            'properties', jsonb_build_object('name', t.name, 'commune_code', t.commune_code, 'address', t.address, \
            'updated_at', t.updated_at, 'category', t.category, 'phone', t.phone, \
            'accepts_vietqr', t.accepts_vietqr))::text AS feature \
            FROM "merchant" t WHERE ST_Intersects(t.geom, ST_Envelope(ST_MakeEnvelope(?, ?, ?, ?, 4326))) \
            ORDER BY t.id LIMIT ? OFFSET ?) p""";

    /** The row of the statement: both counts and the joined Feature text. */
    private record Page(long matched, long returned, String features) {
    }

    private static final Pattern NUMBER_MATCHED = Pattern.compile("\"numberMatched\"\\s*:\\s*(\\d+)");
    private static final Pattern NUMBER_RETURNED = Pattern.compile("\"numberReturned\"\\s*:\\s*(\\d+)");

    private record Box(double west, double south, double east, double north) {
    }

    private final int limit;
    private final List<Box> boxes = new ArrayList<>();

    /**
     * Picks {@code count} boxes inside the extent, each of the extent's shape and 1000/points of its area, and asks
     * for pages of {@code limit} features. A small limit shows the cost that does not grow with the response.
     */
    ItemsCase(int limit, BenchDatabase.Extent extent, long points, int count, Random random) {
        this.limit = limit;
        double scale = Math.sqrt(Math.min(1.0, (double) BOX_POINTS / points));
        double width = extent.width() * scale;
        double height = extent.height() * scale;
        for (int i = 0; i < count; i++) {
            double west = extent.west() + random.nextDouble() * (extent.width() - width);
            double south = extent.south() + random.nextDouble() * (extent.height() - height);
            boxes.add(new Box(west, south, west + width, south + height));
        }
    }

    @Override
    public String name() {
        return "items bbox ~" + BOX_POINTS + " limit " + limit;
    }

    @Override
    public int targets() {
        return boxes.size();
    }

    @Override
    public long callApi(ApiClient api, int target) throws Exception {
        return fetch(api, target).length;
    }

    @Override
    public long callRaw(RawClient raw, int target) throws Exception {
        return page(raw, target).features().length();
    }

    @Override
    public void verify(ApiClient api, RawClient raw, int target) throws Exception {
        String body = new String(fetch(api, target), StandardCharsets.UTF_8);
        Page page = page(raw, target);
        long apiMatched = number(NUMBER_MATCHED, body);
        long apiReturned = number(NUMBER_RETURNED, body);
        if (apiMatched != page.matched() || apiReturned != page.returned()) {
            throw new IllegalStateException(String.format(Locale.ROOT, "Items of box %s: the API returned "
                    + "numberMatched %d and numberReturned %d, the raw SQL %d and %d", boxes.get(target), apiMatched,
                    apiReturned, page.matched(), page.returned()));
        }
        if (!body.contains("[" + page.features() + "]")) {
            throw new IllegalStateException("Items of box " + boxes.get(target) + ": the API's features differ from "
                    + "the raw SQL's; update ItemsCase.PAGE_SQL to the backend's SQL");
        }
    }

    private byte[] fetch(ApiClient api, int target) throws Exception {
        Box box = boxes.get(target);
        String path = String.format(Locale.ROOT, "/ogc/collections/merchants/items?bbox=%.7f,%.7f,%.7f,%.7f&limit=%d",
                box.west(), box.south(), box.east(), box.north(), limit);
        ApiClient.Response response = api.get(path, "application/geo+json");
        if (response.status() != 200) {
            throw new IllegalStateException("GET " + path + " returned " + response.status() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    /** Binds the box as the API parses it: the same 7-decimal text that the API request carries. */
    private void bindBox(PreparedStatement statement, int firstIndex, int target) throws Exception {
        Box box = boxes.get(target);
        double[] corners = {box.west(), box.south(), box.east(), box.north()};
        for (int i = 0; i < 4; i++) {
            statement.setDouble(firstIndex + i + 1, Double.parseDouble(String.format(Locale.ROOT, "%.7f", corners[i])));
        }
    }

    private Page page(RawClient raw, int target) throws Exception {
        PreparedStatement statement = raw.statement(PAGE_SQL);
        bindBox(statement, 0, target);
        bindBox(statement, 4, target);
        statement.setInt(9, limit);
        statement.setLong(10, 0);
        try (ResultSet result = statement.executeQuery()) {
            result.next();
            return new Page(result.getLong(1), result.getLong(2), result.getString(3));
        }
    }

    private static long number(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("The items response has no " + pattern.pattern() + ": "
                    + body.substring(0, Math.min(300, body.length())));
        }
        return Long.parseLong(matcher.group(1));
    }
}
