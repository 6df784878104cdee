package io.weir.state.rocksdb;

import io.weir.spi.state.CodecSignature;
import io.weir.api.codec.ByteArrayCodecInput;
import io.weir.api.codec.ByteArrayCodecOutput;
import io.weir.spi.state.StoreKind;
import io.weir.spi.state.StoreSpec;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a database holds, kept in its default column family so that native checkpoints carry it: the key
 * codec's signature, the number of key groups, and for every store its kind and codec signature
 * ({@link CodecSignature}), so that a restore refuses a store declared with another kind or other types.
 *
 * <pre>
 * default column family:  "meta/key-codec"        -> key codec signature (string)
 *                         "meta/max-parallelism"  -> number of key groups (var-int)
 *                         "store/" + column family -> kind (byte) | name (string) | codec signature (string)
 * </pre>
 */
final class Catalog {
    private static final String KEY_CODEC = "meta/key-codec";
    private static final String MAX_PARALLELISM = "meta/max-parallelism";
    private static final String STORE = "store/";

    /** The column family of the store {@code name} of {@code kind} (state and timer stores have names of their own). */
    static String columnFamily(StoreKind kind, String name) {
        return (kind == StoreKind.TIMER ? "t/" : "s/") + name;
    }

    /** One store of the catalog. */
    record Entry(String name, StoreKind kind, String signature) {
        String columnFamily() {
            return Catalog.columnFamily(kind, name);
        }

        /** The entry that {@code spec} declares. */
        static Entry of(StoreSpec spec) {
            return new Entry(spec.name(), StoreKind.of(spec), CodecSignature.of(spec));
        }

        /**
         * Checks that {@code spec} declares this store as it was written.
         *
         * @throws IllegalStateException naming the state and both declarations
         */
        void checkCompatible(StoreSpec spec, String operatorName) {
            StoreKind declared = StoreKind.of(spec);
            if (declared != kind) {
                throw new IllegalStateException("operator '" + operatorName + "': state '" + name + "' was restored as"
                        + " a " + kind.label() + " store but is now declared as a " + declared.label() + " store; a state"
                        + " cannot change its kind across a restore (give the new state another name)");
            }
            String now = CodecSignature.of(spec);
            if (!now.equals(signature)) {
                throw new IllegalStateException("operator '" + operatorName + "': " + kind.label() + " state '" + name
                        + "' was written with codecs [" + signature + "] but is now declared with codecs [" + now
                        + "]; a state cannot change its types across a restore (give the new state another name)");
            }
        }
    }

    /** The header of a database: how keys were encoded and how many key groups there are. */
    record Header(String keyCodec, int maxParallelism) {
    }

    private Catalog() {
    }

    static void writeHeader(RocksDbInstance instance, Header header) throws RocksDBException {
        ByteArrayCodecOutput out = new ByteArrayCodecOutput(64);
        out.writeString(header.keyCodec());
        put(instance, KEY_CODEC, out.toByteArray());
        out.reset();
        out.writeVarInt(header.maxParallelism());
        put(instance, MAX_PARALLELISM, out.toByteArray());
    }

    /** The header, or null in a database without one. */
    static Header readHeader(RocksDbInstance instance) throws RocksDBException {
        byte[] codec = get(instance, KEY_CODEC);
        byte[] parallelism = get(instance, MAX_PARALLELISM);
        if (codec == null || parallelism == null) {
            return null;
        }
        return new Header(new ByteArrayCodecInput(codec).readString(), new ByteArrayCodecInput(parallelism).readVarInt());
    }

    static void writeEntry(RocksDbInstance instance, Entry entry) throws RocksDBException {
        put(instance, STORE + entry.columnFamily(), encode(entry));
    }

    static void removeEntry(RocksDbInstance instance, Entry entry) throws RocksDBException {
        instance.db().delete(instance.defaultFamily(), instance.writeOptions(),
                (STORE + entry.columnFamily()).getBytes(StandardCharsets.UTF_8));
    }

    /** Every store entry, by column family name. */
    static Map<String, Entry> readEntries(RocksDbInstance instance) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        byte[] prefix = STORE.getBytes(StandardCharsets.UTF_8);
        try (RocksIterator it = instance.db().newIterator(instance.defaultFamily(), instance.readOptions())) {
            for (it.seek(prefix); it.isValid() && RowLayout.startsWith(it.key(), prefix, prefix.length); it.next()) {
                Entry e = decode(it.value());
                entries.put(e.columnFamily(), e);
            }
        }
        return entries;
    }

    static byte[] encode(Entry entry) {
        ByteArrayCodecOutput out = new ByteArrayCodecOutput(64);
        write(entry, out);
        return out.toByteArray();
    }

    static void write(Entry entry, ByteArrayCodecOutput out) {
        out.writeByte(entry.kind().code());
        out.writeString(entry.name());
        out.writeString(entry.signature());
    }

    static Entry decode(byte[] bytes) {
        return read(new ByteArrayCodecInput(bytes));
    }

    static Entry read(ByteArrayCodecInput in) {
        int code = in.readByte();
        StoreKind kind = StoreKind.ofCode(code);
        if (kind == null) {
            throw new IllegalStateException("unknown store kind " + code);
        }
        return new Entry(in.readString(), kind, in.readString());
    }

    private static void put(RocksDbInstance instance, String key, byte[] value) throws RocksDBException {
        instance.db().put(instance.defaultFamily(), instance.writeOptions(), key.getBytes(StandardCharsets.UTF_8),
                value);
    }

    private static byte[] get(RocksDbInstance instance, String key) throws RocksDBException {
        return instance.db().get(instance.defaultFamily(), instance.readOptions(),
                key.getBytes(StandardCharsets.UTF_8));
    }

    /** The column family of {@code entry} in {@code instance}, or null. */
    static ColumnFamilyHandle family(RocksDbInstance instance, Entry entry) {
        return instance.family(entry.columnFamily());
    }
}
