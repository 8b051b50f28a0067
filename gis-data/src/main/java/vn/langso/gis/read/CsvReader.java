package vn.langso.gis.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import vn.langso.gis.model.SourceFeature;

/**
 * Streams point features from a CSV file whose header names a longitude and a latitude column. The
 * delimiter is a comma or a semicolon, whichever the header line uses more; with semicolons a decimal
 * comma ("105,63") is accepted too. Every other column becomes a text property, and a column named
 * {@code id} also becomes the feature id. Row numbers count data rows from 1, after the header.
 */
public final class CsvReader implements FeatureReader {

    static final List<String> LONGITUDE_COLUMNS = List.of("lon", "lng", "long", "longitude", "x");
    static final List<String> LATITUDE_COLUMNS = List.of("lat", "latitude", "y");
    private static final int WGS84 = 4326;

    private final Path file;
    private final long size;
    private final CountingInputStream input;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final String longitudeColumn;
    private final String latitudeColumn;
    private final boolean decimalComma;
    private final int srid;
    private final GeometryFactory factory = new GeometryFactory();
    private int rowNumber;

    public CsvReader(Path file, OptionalInt sridOverride) {
        this.file = file;
        this.srid = sridOverride.orElse(WGS84);
        FeatureReaders.requireNotEmpty(file, "a CSV file with a header line");
        try {
            this.size = Files.size(file);
            char delimiter = detectDelimiter(file);
            this.decimalComma = delimiter == ';';
            this.input = new CountingInputStream(Files.newInputStream(file));
            BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
            skipByteOrderMark(reader);
            this.parser = CSVFormat.DEFAULT.builder()
                    .setDelimiter(delimiter)
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreSurroundingSpaces(true)
                    .setIgnoreEmptyLines(true)
                    .get()
                    .parse(reader);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            throw new FeatureReadException(file, "cannot read CSV header: " + e.getMessage(), e);
        }
        List<String> header = parser.getHeaderNames();
        this.longitudeColumn = findColumn(header, LONGITUDE_COLUMNS);
        this.latitudeColumn = findColumn(header, LATITUDE_COLUMNS);
        if (longitudeColumn == null || latitudeColumn == null) {
            close();
            throw new FeatureReadException(file, "no coordinate columns found; the header has " + header
                    + " but needs a longitude column (one of " + LONGITUDE_COLUMNS + ") and a latitude column (one of "
                    + LATITUDE_COLUMNS + ")");
        }
        this.records = parser.iterator();
    }

    private static char detectDelimiter(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String headerLine = reader.readLine();
            if (headerLine == null) {
                return ',';
            }
            long commas = headerLine.chars().filter(c -> c == ',').count();
            long semicolons = headerLine.chars().filter(c -> c == ';').count();
            return semicolons > commas ? ';' : ',';
        }
    }

    /** Skips the UTF-8 byte order mark that spreadsheet programs write before the header. */
    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
    }

    private static String findColumn(List<String> header, List<String> accepted) {
        for (String candidate : accepted) {
            for (String column : header) {
                if (column.strip().toLowerCase(Locale.ROOT).equals(candidate)) {
                    return column;
                }
            }
        }
        return null;
    }

    @Override
    public SourceFeature next() {
        CSVRecord record;
        try {
            if (!records.hasNext()) {
                return null;
            }
            record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new FeatureReadException(file, "malformed CSV after data row " + rowNumber + ": " + e.getMessage(), e);
        }
        rowNumber++;

        Map<String, Object> properties = new LinkedHashMap<>();
        String id = null;
        Map<String, String> values = record.toMap();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String column = entry.getKey();
            if (column.equals(longitudeColumn) || column.equals(latitudeColumn)) {
                continue;
            }
            String value = entry.getValue() == null || entry.getValue().isEmpty() ? null : entry.getValue();
            if (column.equalsIgnoreCase("id")) {
                id = value;
            }
            properties.put(column, value);
        }
        if (!record.isConsistent()) {
            return new SourceFeature(rowNumber, id, null, srid, properties, "row has " + record.size()
                    + " fields but the header has " + parser.getHeaderNames().size());
        }

        String longitudeText = record.get(longitudeColumn);
        String latitudeText = record.get(latitudeColumn);
        Double x = parseNumber(longitudeText);
        Double y = parseNumber(latitudeText);
        if (x == null || y == null) {
            String problem = "coordinate is not a number: " + longitudeColumn + "='" + longitudeText + "', "
                    + latitudeColumn + "='" + latitudeText + "'";
            return new SourceFeature(rowNumber, id, null, srid, properties, problem);
        }
        return new SourceFeature(rowNumber, id, factory.createPoint(new Coordinate(x, y)), srid, properties, null);
    }

    private Double parseNumber(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String normalized = decimalComma ? text.strip().replace(',', '.') : text.strip();
        try {
            double value = Double.parseDouble(normalized);
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public double progress() {
        return size == 0 ? 1 : Math.min(1, (double) input.count() / size);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // Closing a read-only file cannot lose data.
        }
    }
}
