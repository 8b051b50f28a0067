package vn.langso.gis.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.langso.gis.model.SourceFeature;

/**
 * Streams the features of a GeoJSON FeatureCollection (or a single Feature) with Jackson's streaming
 * parser, one feature tree at a time. Coordinates are read as x = longitude (or easting), y = latitude,
 * as RFC 7946 orders them. A legacy {@code crs} member (GeoJSON 2008), such as
 * {@code urn:ogc:def:crs:EPSG::3405}, sets the SRID when it comes before {@code features}; otherwise the
 * data is WGS 84.
 */
public final class GeoJsonReader implements FeatureReader {

    /** Reads one member tree at a time from the open parser, so the rest of the stream is not "trailing". */
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Pattern EPSG_CODE = Pattern.compile("EPSG:(?:[^:]*:)?(\\d+)$", Pattern.CASE_INSENSITIVE);
    private static final int WGS84 = 4326;

    private final Path file;
    private final long size;
    private final CountingInputStream input;
    private final JsonParser parser;
    private final OptionalInt sridOverride;
    private final GeoJsonGeometries geometries = new GeoJsonGeometries(new GeometryFactory());

    private int srid = WGS84;
    private boolean inFeatures;
    private boolean finished;
    private int featureNumber;
    private String topLevelType;
    private final Map<String, JsonNode> topLevelFeatureMembers = new LinkedHashMap<>();

    public GeoJsonReader(Path file, OptionalInt sridOverride) {
        this.file = file;
        this.sridOverride = sridOverride;
        FeatureReaders.requireNotEmpty(file, "a GeoJSON FeatureCollection");
        try {
            this.size = Files.size(file);
            this.input = new CountingInputStream(Files.newInputStream(file));
        } catch (IOException e) {
            throw new FeatureReadException(file, "cannot open file: " + e.getMessage(), e);
        }
        try {
            this.parser = MAPPER.createParser(input);
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new FeatureReadException(file, "file contains no JSON; expected a GeoJSON FeatureCollection");
            }
            if (first != JsonToken.START_OBJECT) {
                throw malformed("expected a JSON object (a GeoJSON FeatureCollection or Feature), found " + first);
            }
        } catch (JacksonException e) {
            closeQuietly();
            throw malformed(e);
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
        srid = sridOverride.orElse(WGS84);
    }

    @Override
    public SourceFeature next() {
        try {
            while (!finished) {
                if (inFeatures) {
                    JsonToken token = parser.nextToken();
                    if (token == JsonToken.END_ARRAY) {
                        inFeatures = false;
                        continue;
                    }
                    JsonNode node = MAPPER.readTree(parser);
                    featureNumber++;
                    return toFeature(featureNumber, node);
                }
                SourceFeature single = readTopLevelMember();
                if (single != null) {
                    return single;
                }
            }
            return null;
        } catch (JacksonException e) {
            throw malformed(e);
        }
    }

    /** Reads the next member of the top-level object; returns a feature only for a top-level Feature. */
    private SourceFeature readTopLevelMember() {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_OBJECT || token == null) {
            finished = true;
            if (token == null) {
                throw malformed("unexpected end of file inside the top-level object");
            }
            if (parser.nextToken() != null) {
                throw malformed("unexpected content after the top-level object");
            }
            if ("Feature".equals(topLevelType)) {
                ObjectNodeBuilder feature = new ObjectNodeBuilder(topLevelFeatureMembers);
                return toFeature(1, feature.build());
            }
            if (!"FeatureCollection".equals(topLevelType)) {
                throw malformed("top-level 'type' is " + (topLevelType == null ? "missing" : "'" + topLevelType + "'")
                        + "; expected FeatureCollection or Feature");
            }
            return null;
        }
        String member = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (member) {
            case "type" -> {
                topLevelType = value == JsonToken.VALUE_STRING ? parser.getString() : null;
                topLevelFeatureMembers.put(member, MAPPER.readTree(parser));
            }
            case "crs" -> readCrs(MAPPER.readTree(parser));
            case "features" -> {
                if (value != JsonToken.START_ARRAY) {
                    throw malformed("'features' is not an array");
                }
                inFeatures = true;
            }
            default -> topLevelFeatureMembers.put(member, MAPPER.readTree(parser));
        }
        return null;
    }

    private void readCrs(JsonNode crs) {
        if (featureNumber > 0) {
            throw malformed("the 'crs' member comes after the features; move it before 'features' or pass --srid");
        }
        if (sridOverride.isPresent() || crs == null || crs.isNull()) {
            return;
        }
        String name = crs.path("properties").path("name").asString("");
        if (name.toUpperCase(java.util.Locale.ROOT).endsWith("CRS84")) {
            srid = WGS84;
            return;
        }
        Matcher matcher = EPSG_CODE.matcher(name.strip());
        if (!matcher.find()) {
            throw malformed("unsupported crs '" + name + "'; expected a name such as urn:ogc:def:crs:EPSG::3405, or pass --srid");
        }
        srid = Integer.parseInt(matcher.group(1));
    }

    private SourceFeature toFeature(int number, JsonNode node) {
        if (!node.isObject() || !"Feature".equals(node.path("type").asString(""))) {
            return new SourceFeature(number, null, null, srid, Map.of(), "not a GeoJSON Feature object");
        }
        JsonNode idNode = node.get("id");
        String id = idNode == null || idNode.isNull() ? null : idNode.asString();
        JsonNode propertiesNode = node.get("properties");
        Map<String, Object> properties = new LinkedHashMap<>();
        if (propertiesNode != null && propertiesNode.isObject()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> converted = MAPPER.convertValue(propertiesNode, Map.class);
            properties.putAll(converted);
        }
        try {
            Geometry geometry = geometries.parse(node.get("geometry"));
            return new SourceFeature(number, id, geometry, srid, properties, null);
        } catch (GeoJsonGeometries.InvalidGeometryException e) {
            return new SourceFeature(number, id, null, srid, properties, e.getMessage());
        }
    }

    @Override
    public double progress() {
        return size == 0 ? 1 : Math.min(1, (double) input.count() / size);
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            if (parser != null) {
                parser.close();
            }
            if (input != null) {
                input.close();
            }
        } catch (IOException | JacksonException e) {
            // Closing a read-only file cannot lose data.
        }
    }

    private FeatureReadException malformed(JacksonException e) {
        TokenStreamLocation location = e.getLocation();
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return new FeatureReadException(file, "malformed JSON" + where + ": " + e.getOriginalMessage(), e);
    }

    private FeatureReadException malformed(String message) {
        TokenStreamLocation location = parser == null ? null : parser.currentLocation();
        String where = location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return new FeatureReadException(file, "invalid GeoJSON" + where + ": " + message);
    }

    /** Reassembles a top-level Feature from the members read one by one. */
    private record ObjectNodeBuilder(Map<String, JsonNode> members) {
        JsonNode build() {
            tools.jackson.databind.node.ObjectNode node = MAPPER.createObjectNode();
            members.forEach(node::set);
            return node;
        }
    }
}
