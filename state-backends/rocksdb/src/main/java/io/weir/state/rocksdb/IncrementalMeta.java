package io.weir.state.rocksdb;

import io.weir.api.codec.ByteArrayCodecInput;
import io.weir.spi.checkpoint.StateFileHandle;
import io.weir.spi.state.KeyGroupRange;
import io.weir.spi.state.KeyedStateHandle;
import io.weir.spi.state.StateFileReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contents of an incremental checkpoint's state file ({@link SnapshotFormat}, "WRKI"): which shared
 * SST files make up the database, its small files inline, and the heap timers.
 *
 * @param keyCodec       the key codec's signature
 * @param maxParallelism the number of key groups
 * @param range          the key groups of the backend that wrote it
 * @param sharedFiles    shared SST files by local name, in order
 * @param privateFiles   the other files of the native checkpoint, by name
 * @param heapTimers     timers that were kept on the heap
 */
record IncrementalMeta(String keyCodec, int maxParallelism, KeyGroupRange range, Map<String, StateFileHandle> sharedFiles,
                       Map<String, byte[]> privateFiles, List<TimerRows> heapTimers) {

    static IncrementalMeta parse(byte[] payload) {
        ByteArrayCodecInput in = new ByteArrayCodecInput(payload);
        String keyCodec = in.readString();
        int maxParallelism = in.readVarInt();
        KeyGroupRange range = KeyGroupRange.of(in.readVarInt(), in.readVarInt());
        Map<String, StateFileHandle> shared = new LinkedHashMap<>();
        for (int i = count(in); i > 0; i--) {
            String name = in.readString();
            shared.put(name, new StateFileHandle(in.readString(), in.readLong()));
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = count(in); i > 0; i--) {
            String name = in.readString();
            int length = count(in);
            in.require(length);
            byte[] bytes = new byte[length];
            in.readBytes(bytes, 0, length);
            files.put(name, bytes);
        }
        List<TimerRows> timers = readTimers(in);
        return new IncrementalMeta(keyCodec, maxParallelism, range, shared, files, timers);
    }

    static List<TimerRows> readTimers(ByteArrayCodecInput in) {
        List<TimerRows> timers = new ArrayList<>();
        for (int i = count(in); i > 0; i--) {
            Catalog.Entry entry = Catalog.read(in);
            int rows = count(in);
            List<byte[]> list = new ArrayList<>(Math.min(rows, 1 << 16));
            for (int r = 0; r < rows; r++) {
                int length = count(in);
                in.require(length);
                byte[] row = new byte[length];
                in.readBytes(row, 0, length);
                list.add(row);
            }
            timers.add(TimerRows.of(entry, list));
        }
        return timers;
    }

    private static int count(ByteArrayCodecInput in) {
        int n = in.readVarInt();
        if (n < 0) {
            throw new IllegalStateException("negative count " + n);
        }
        return n;
    }

    /**
     * Checks that the file belongs to this backend's job and matches its handle.
     *
     * @throws IllegalStateException if keys were encoded otherwise or the number of key groups changed
     * @throws IOException           if the file does not match its handle
     */
    void check(SnapshotContext context, KeyedStateHandle handle, String file) throws IOException {
        checkHeader(context, keyCodec, maxParallelism, file);
        if (!range.equals(handle.range())) {
            throw SnapshotFormat.corrupt(file, -1, "it holds key groups " + range + " but its handle says "
                    + handle.range());
        }
    }

    static void checkHeader(SnapshotContext context, String keyCodec, int maxParallelism, String file) {
        if (!keyCodec.equals(context.header().keyCodec())) {
            throw new IllegalStateException("operator '" + context.operatorName() + "': keyed state file '" + file
                    + "' was written with key codec " + keyCodec + ", but keys are now encoded with "
                    + context.header().keyCodec());
        }
        if (maxParallelism != context.header().maxParallelism()) {
            throw new IllegalStateException("operator '" + context.operatorName() + "': keyed state file '" + file
                    + "' was written with max parallelism " + maxParallelism + ", but the operator now has "
                    + context.header().maxParallelism() + "; the number of key groups cannot change across a restore");
        }
    }

    /** Writes the database's files into {@code folder} (emptied first): the small ones, then the shared SST files. */
    void download(Path folder, StateFileReader reader, String file) throws IOException {
        LocalFiles.delete(folder);
        Files.createDirectories(folder);
        for (Map.Entry<String, byte[]> f : privateFiles.entrySet()) {
            Files.write(folder.resolve(safe(f.getKey(), file)), f.getValue(), StandardOpenOption.CREATE_NEW);
        }
        for (Map.Entry<String, StateFileHandle> f : sharedFiles.entrySet()) {
            Path target = folder.resolve(safe(f.getKey(), file));
            long copied;
            try (InputStream in = reader.open(f.getValue());
                 OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
                copied = in.transferTo(out);
            }
            if (copied != f.getValue().size()) {
                throw new IOException("shared state file '" + f.getValue().path() + "' (SST " + f.getKey() + " of '"
                        + file + "') has " + copied + " bytes, its handle says " + f.getValue().size());
            }
        }
    }

    /** A plain file name from the file, never a path that leaves the folder. */
    private static String safe(String name, String file) throws IOException {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
            throw SnapshotFormat.corrupt(file, -1, "it names a database file '" + name + "'");
        }
        return name;
    }
}
