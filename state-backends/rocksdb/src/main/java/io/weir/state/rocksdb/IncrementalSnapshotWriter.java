package io.weir.state.rocksdb;

import io.weir.api.codec.ByteArrayCodecOutput;
import io.weir.spi.checkpoint.StateFileHandle;
import io.weir.spi.checkpoint.StateOutputStream;
import io.weir.spi.state.KeyedStateHandle;
import io.weir.spi.state.SnapshotWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a native checkpoint incrementally: each SST file that the job has not written before becomes a
 * shared state file ({@link SnapshotWriter#createSharedStateFile}), each one it has is referenced again
 * ({@link SharedFiles}); the small files (MANIFEST, CURRENT, OPTIONS) and the heap timers go inline into
 * one state file of the checkpoint ({@link SnapshotFormat}, "WRKI"). The handle lists every SST file the
 * checkpoint needs as its shared files, so that retention keeps them while it is retained.
 */
final class IncrementalSnapshotWriter {
    private final SnapshotContext context;
    private final Path local;
    private final List<TimerRows> heapTimers;
    private final SharedFiles sharedFiles;
    private final String instanceId;

    IncrementalSnapshotWriter(SnapshotContext context, Path local, List<TimerRows> heapTimers, SharedFiles sharedFiles,
                              String instanceId) {
        this.context = context;
        this.local = local;
        this.heapTimers = heapTimers;
        this.sharedFiles = sharedFiles;
        this.instanceId = instanceId;
    }

    KeyedStateHandle write(SnapshotWriter writer, String fileName) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(local)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        List<String> sstNames = new ArrayList<>();
        List<StateFileHandle> ssts = new ArrayList<>();
        List<Path> privateFiles = new ArrayList<>();
        long uploaded = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (!name.endsWith(".sst")) {
                privateFiles.add(file);
                continue;
            }
            StateFileHandle shared = sharedFiles.get(name);
            if (shared == null) {
                StateOutputStream out = writer.createSharedStateFile("sst-" + instanceId + "-" + name);
                try (out) {
                    Files.copy(file, out);
                }
                shared = out.handle();
                sharedFiles.put(name, shared);
                uploaded += shared.size();
            }
            sstNames.add(name);
            ssts.add(shared);
        }
        sharedFiles.retainOnly(sstNames);
        ByteArrayCodecOutput payload = new ByteArrayCodecOutput(4096);
        payload.writeString(context.header().keyCodec());
        payload.writeVarInt(context.header().maxParallelism());
        payload.writeVarInt(context.range().first());
        payload.writeVarInt(context.range().last());
        payload.writeVarInt(ssts.size());
        for (int i = 0; i < ssts.size(); i++) {
            payload.writeString(sstNames.get(i));
            payload.writeString(ssts.get(i).path());
            payload.writeLong(ssts.get(i).size());
        }
        payload.writeVarInt(privateFiles.size());
        for (Path file : privateFiles) {
            byte[] bytes = Files.readAllBytes(file);
            payload.writeString(file.getFileName().toString());
            payload.writeVarInt(bytes.length);
            payload.writeBytes(bytes, 0, bytes.length);
        }
        writeTimers(payload, heapTimers);
        StateOutputStream out = writer.createStateFile(fileName);
        try (out) {
            SnapshotFormat.writeFrame(out, SnapshotFormat.INCREMENTAL_MAGIC, payload.array(), payload.size());
        }
        StateFileHandle meta = out.handle();
        return new KeyedStateHandle(SnapshotFormat.BACKEND, context.range(), meta,
                new long[Math.max(0, context.range().size())], meta.size() + uploaded, ssts);
    }

    static void writeTimers(ByteArrayCodecOutput payload, List<TimerRows> timers) {
        payload.writeVarInt(timers.size());
        for (TimerRows t : timers) {
            Catalog.write(t.entry(), payload);
            List<byte[]> rows = t.rows();
            payload.writeVarInt(rows.size());
            for (byte[] r : rows) {
                RowLayout.writeSized(payload, r, 0, r.length);
            }
        }
    }
}
