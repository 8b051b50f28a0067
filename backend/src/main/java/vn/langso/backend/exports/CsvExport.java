package vn.langso.backend.exports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes CSV (RFC 4180: comma, CRLF, quotes doubled) in UTF-8 with a byte order mark, because Excel opens a
 * CSV without one in the legacy code page and garbles Vietnamese letters. Columns: id, name, commune_code,
 * commune_name, address, the layer's own columns, then lon and lat (or wkt), then attributes as JSON text.
 */
// NOTE: values are written as stored, so a spreadsheet may read a value starting with =, +, - or @ as a
// formula.
final class CsvExport {

    static final int ROWS_PER_BUFFER = 200;
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private CsvExport() {
    }

    static Flux<DataBuffer> write(List<LayerColumn> columns, CsvGeometry geometry, Flux<ExportRow> rows,
                                  DataBufferFactory buffers) {
        List<String> header = new ArrayList<>(List.of("id", "name", "commune_code", "commune_name", "address"));
        columns.forEach(column -> header.add(column.name()));
        header.addAll(geometry == CsvGeometry.WKT ? List.of("wkt") : List.of("lon", "lat"));
        header.add("attributes");

        Flux<DataBuffer> body = rows
                .buffer(ROWS_PER_BUFFER)
                .map(batch -> GeoJsonExport.encode(records(batch.stream().map(row -> values(row, geometry)).toList()), buffers));
        return Flux.concat(
                Mono.fromSupplier(() -> GeoJsonExport.encode(BYTE_ORDER_MARK + records(List.of(header)), buffers)),
                body);
    }

    private static List<String> values(ExportRow row, CsvGeometry geometry) {
        List<String> values = new ArrayList<>();
        values.add(Long.toString(row.id()));
        values.add(nfc(row.name()));
        values.add(row.communeCode());
        values.add(nfc(row.communeName()));
        values.add(nfc(row.address()));
        row.typedValues().forEach(value -> values.add(nfc(value)));
        if (geometry == CsvGeometry.WKT) {
            values.add(row.wkt());
        } else {
            values.add(plain(row.lon()));
            values.add(plain(row.lat()));
        }
        values.add(nfc(row.attributes()));
        return values;
    }

    private static String records(List<List<String>> records) {
        StringBuilder text = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180)) {
            for (List<String> record : records) {
                printer.printRecord(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing CSV to memory failed", e);
        }
        return text.toString();
    }

    static String nfc(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** Formats a coordinate without exponent, for example 105.6329. */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).toPlainString();
    }
}
