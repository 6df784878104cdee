package io.weir.perf.flink;

import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Serializes {@link StrideSplit}s, and lists of them (the enumerator's checkpoint). Stateless. */
final class StrideSplitSerializer {
    private static final int VERSION = 1;

    private StrideSplitSerializer() {
    }

    static void write(DataOutputStream out, StrideSplit split) throws IOException {
        out.writeInt(split.id());
        out.writeLong(split.next());
        out.writeInt(split.stride());
        out.writeLong(split.end());
    }

    static StrideSplit read(DataInputStream in) throws IOException {
        return new StrideSplit(in.readInt(), in.readLong(), in.readInt(), in.readLong());
    }

    /** One split. */
    static final class OfSplit implements SimpleVersionedSerializer<StrideSplit> {
        @Override
        public int getVersion() {
            return VERSION;
        }

        @Override
        public byte[] serialize(StrideSplit split) throws IOException {
            var bytes = new ByteArrayOutputStream(24);
            try (var out = new DataOutputStream(bytes)) {
                write(out, split);
            }
            return bytes.toByteArray();
        }

        @Override
        public StrideSplit deserialize(int version, byte[] serialized) throws IOException {
            checkVersion(version);
            try (var in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                return read(in);
            }
        }
    }

    /** The splits not yet assigned. */
    static final class OfPending implements SimpleVersionedSerializer<List<StrideSplit>> {
        @Override
        public int getVersion() {
            return VERSION;
        }

        @Override
        public byte[] serialize(List<StrideSplit> splits) throws IOException {
            var bytes = new ByteArrayOutputStream();
            try (var out = new DataOutputStream(bytes)) {
                out.writeInt(splits.size());
                for (StrideSplit split : splits) {
                    write(out, split);
                }
            }
            return bytes.toByteArray();
        }

        @Override
        public List<StrideSplit> deserialize(int version, byte[] serialized) throws IOException {
            checkVersion(version);
            try (var in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                int n = in.readInt();
                List<StrideSplit> splits = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    splits.add(read(in));
                }
                return splits;
            }
        }
    }

    private static void checkVersion(int version) throws IOException {
        if (version != VERSION) {
            throw new IOException("stride split: unknown serializer version " + version + ", expected " + VERSION);
        }
    }
}
