package vn.langso.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads a Mapbox vector tile (protocol buffers, MVT 2.1) into one text per feature: layer, id, geometry type,
 * geometry commands and the attributes sorted by key. Two tiles with the same features in another order, and
 * so with other key and value tables, give the same sorted list.
 */
final class MvtFeatures {

    private static final HexFormat HEX = HexFormat.of();

    private MvtFeatures() {
    }

    /** Returns the sorted feature texts of all layers of the tile, none for an empty tile. */
    static List<String> of(byte[] tile) {
        List<String> features = new ArrayList<>();
        Reader reader = new Reader(tile, 0, tile.length);
        while (reader.hasMore()) {
            long key = reader.varint();
            if (key >>> 3 == 3 && (key & 7) == 2) {
                features.addAll(layer(reader.message()));
            } else {
                reader.skip(key);
            }
        }
        features.sort(null);
        return features;
    }

    private static List<String> layer(Reader reader) {
        String name = "";
        List<String> keys = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<Reader> features = new ArrayList<>();
        while (reader.hasMore()) {
            long key = reader.varint();
            int field = (int) (key >>> 3);
            if (field == 1 && (key & 7) == 2) {
                name = reader.message().text();
            } else if (field == 2 && (key & 7) == 2) {
                features.add(reader.message());
            } else if (field == 3 && (key & 7) == 2) {
                keys.add(reader.message().text());
            } else if (field == 4 && (key & 7) == 2) {
                values.add(HEX.formatHex(reader.message().remaining()));
            } else {
                reader.skip(key);
            }
        }
        List<String> texts = new ArrayList<>();
        for (Reader feature : features) {
            texts.add(name + " " + feature(feature, keys, values));
        }
        return texts;
    }

    private static String feature(Reader reader, List<String> keys, List<String> values) {
        long id = -1;
        long type = 0;
        String geometry = "";
        List<String> attributes = new ArrayList<>();
        while (reader.hasMore()) {
            long key = reader.varint();
            int field = (int) (key >>> 3);
            if (field == 1 && (key & 7) == 0) {
                id = reader.varint();
            } else if (field == 3 && (key & 7) == 0) {
                type = reader.varint();
            } else if (field == 2 && (key & 7) == 2) {
                Reader tags = reader.message();
                while (tags.hasMore()) {
                    attributes.add(keys.get((int) tags.varint()) + "=" + values.get((int) tags.varint()));
                }
            } else if (field == 4 && (key & 7) == 2) {
                geometry = HEX.formatHex(reader.message().remaining());
            } else {
                reader.skip(key);
            }
        }
        attributes.sort(null);
        return "id=" + id + " type=" + type + " geometry=" + geometry + " " + attributes;
    }

    /** A cursor over a slice of protocol buffers bytes. */
    private static final class Reader {

        private final byte[] bytes;
        private int position;
        private final int end;

        Reader(byte[] bytes, int start, int end) {
            this.bytes = bytes;
            this.position = start;
            this.end = end;
        }

        boolean hasMore() {
            return position < end;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (position >= end) {
                    throw new IllegalArgumentException("Tile ends inside a varint at byte " + position);
                }
                byte next = bytes[position++];
                value |= (long) (next & 0x7f) << shift;
                if (next >= 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("Varint longer than 10 bytes at byte " + position);
        }

        /** Reads a length-delimited field as a reader of its bytes. */
        Reader message() {
            int length = (int) varint();
            if (length < 0 || position + length > end) {
                throw new IllegalArgumentException("Field of " + length + " bytes at byte " + position
                        + " runs past the end of the tile");
            }
            Reader inner = new Reader(bytes, position, position + length);
            position += length;
            return inner;
        }

        String text() {
            return new String(remaining(), StandardCharsets.UTF_8);
        }

        byte[] remaining() {
            byte[] copy = java.util.Arrays.copyOfRange(bytes, position, end);
            position = end;
            return copy;
        }

        /** Skips the value of a field of any wire type. */
        void skip(long key) {
            switch ((int) (key & 7)) {
                case 0 -> varint();
                case 1 -> position += 8;
                case 2 -> message();
                case 5 -> position += 4;
                default -> throw new IllegalArgumentException("Unsupported wire type " + (key & 7)
                        + " at byte " + position);
            }
        }
    }
}
