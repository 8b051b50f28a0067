package vn.langso.backend.ogc.tiles;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes the parts of a Mapbox vector tile (MVT 2.1 Protocol Buffers encoding) that the tests check:
 * layers, and per feature its id, geometry type, number of geometry commands and properties.
 */
public final class MvtDecoder {

    public record Layer(String name, int version, int extent, List<Feature> features) {

        /** Returns the values of one property over the features, in feature order, skipping features without it. */
        public List<Object> values(String key) {
            return features.stream().filter(f -> f.properties().containsKey(key)).map(f -> f.properties().get(key)).toList();
        }
    }

    /** @param type 1 point, 2 line string, 3 polygon */
    public record Feature(Long id, int type, int geometryLength, Map<String, Object> properties) {
    }

    private final ByteBuffer buffer;

    private MvtDecoder(ByteBuffer buffer) {
        this.buffer = buffer.order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Decodes a whole tile into its layers keyed by name, in tile order. */
    public static Map<String, Layer> decode(byte[] tile) {
        MvtDecoder reader = new MvtDecoder(ByteBuffer.wrap(tile));
        Map<String, Layer> layers = new LinkedHashMap<>();
        while (reader.buffer.hasRemaining()) {
            long key = reader.varint();
            if (key >>> 3 == 3 && (key & 7) == 2) {
                Layer layer = new MvtDecoder(reader.message()).layer();
                if (layers.put(layer.name(), layer) != null) {
                    throw new IllegalStateException("Layer " + layer.name() + " appears twice in the tile");
                }
            } else {
                reader.skip((int) (key & 7));
            }
        }
        return layers;
    }

    private Layer layer() {
        String name = null;
        int version = 1;
        int extent = 4096;
        List<ByteBuffer> features = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        while (buffer.hasRemaining()) {
            long key = varint();
            switch ((int) (key >>> 3)) {
                case 1 -> name = string(message());
                case 2 -> features.add(message());
                case 3 -> keys.add(string(message()));
                case 4 -> values.add(new MvtDecoder(message()).value());
                case 5 -> extent = (int) varint();
                case 15 -> version = (int) varint();
                default -> skip((int) (key & 7));
            }
        }
        List<Feature> decoded = new ArrayList<>();
        for (ByteBuffer feature : features) {
            decoded.add(new MvtDecoder(feature).feature(keys, values));
        }
        return new Layer(name, version, extent, decoded);
    }

    private Feature feature(List<String> keys, List<Object> values) {
        Long id = null;
        int type = 0;
        int geometryLength = 0;
        Map<String, Object> properties = new LinkedHashMap<>();
        while (buffer.hasRemaining()) {
            long key = varint();
            switch ((int) (key >>> 3)) {
                case 1 -> id = varint();
                case 2 -> {
                    MvtDecoder tags = new MvtDecoder(message());
                    while (tags.buffer.hasRemaining()) {
                        String name = keys.get((int) tags.varint());
                        properties.put(name, values.get((int) tags.varint()));
                    }
                }
                case 3 -> type = (int) varint();
                case 4 -> {
                    MvtDecoder geometry = new MvtDecoder(message());
                    while (geometry.buffer.hasRemaining()) {
                        geometry.varint();
                        geometryLength++;
                    }
                }
                default -> skip((int) (key & 7));
            }
        }
        return new Feature(id, type, geometryLength, properties);
    }

    private Object value() {
        Object value = null;
        while (buffer.hasRemaining()) {
            long key = varint();
            switch ((int) (key >>> 3)) {
                case 1 -> value = string(message());
                case 2 -> value = buffer.getFloat();
                case 3 -> value = buffer.getDouble();
                case 4, 5 -> value = varint();
                case 6 -> {
                    long zigzag = varint();
                    value = (zigzag >>> 1) ^ -(zigzag & 1);
                }
                case 7 -> value = varint() != 0;
                default -> skip((int) (key & 7));
            }
        }
        return value;
    }

    private long varint() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte next = buffer.get();
            result |= (long) (next & 0x7f) << shift;
            if ((next & 0x80) == 0) {
                return result;
            }
        }
        throw new IllegalStateException("Malformed varint at byte " + buffer.position());
    }

    private ByteBuffer message() {
        int length = (int) varint();
        ByteBuffer slice = buffer.slice(buffer.position(), length);
        buffer.position(buffer.position() + length);
        return slice;
    }

    private void skip(int wireType) {
        switch (wireType) {
            case 0 -> varint();
            case 1 -> buffer.position(buffer.position() + 8);
            case 2 -> message();
            case 5 -> buffer.position(buffer.position() + 4);
            default -> throw new IllegalStateException("Unsupported wire type " + wireType + " at byte " + buffer.position());
        }
    }

    private static String string(ByteBuffer bytes) {
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        return new String(copy, StandardCharsets.UTF_8);
    }
}
