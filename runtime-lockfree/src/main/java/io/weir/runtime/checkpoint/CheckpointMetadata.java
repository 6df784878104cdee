package io.weir.runtime.checkpoint;

import io.weir.api.codec.ByteArrayCodecInput;
import io.weir.api.codec.ByteArrayCodecOutput;
import io.weir.api.codec.CodecException;
import io.weir.spi.checkpoint.StateFileHandle;
import io.weir.spi.state.KeyGroupRange;
import io.weir.spi.state.KeyedStateHandle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a completed checkpoint (or savepoint) holds: for every operator, identified by its stable id (its
 * {@code uid}, or an id derived from the plan), the state of each subtask (operator list state and the
 * handle of its keyed state), and each source's unassigned splits. Written by the coordinator as the
 * checkpoint's metadata (the storage adds a checksum and writes it atomically), read on restore.
 *
 * @param checkpointId the checkpoint's id
 * @param timestamp    when it was triggered (job clock, epoch ms)
 * @param savepoint    {@code true} for a savepoint
 * @param jobName      the job that wrote it
 * @param operators    per operator
 * @param finished     {@code true} for the final checkpoint, taken once every task had reached the end of
 *                     its input (as Flink's FLIP-147): a restore from it reads nothing more, it only
 *                     commits what the sinks pre-committed into it
 */
public record CheckpointMetadata(long checkpointId, long timestamp, boolean savepoint, String jobName,
                                 List<OperatorState> operators, boolean finished) {
    private static final int MAGIC = 0x57454952; // "WEIR"
    /** 3 adds {@link #finished} at the end; versions 1 and 2 are read as not finished. */
    private static final int VERSION = 3;

    public CheckpointMetadata {
        operators = List.copyOf(operators);
    }

    /** A checkpoint taken while the job was running (not the final one). */
    public CheckpointMetadata(long checkpointId, long timestamp, boolean savepoint, String jobName,
                              List<OperatorState> operators) {
        this(checkpointId, timestamp, savepoint, jobName, operators, false);
    }

    /**
     * The state of one operator.
     *
     * @param operatorId       stable id (uid or derived)
     * @param name             display name
     * @param parallelism      parallelism when the checkpoint was taken
     * @param maxParallelism   number of key groups
     * @param subtasks         one entry per subtask that had state
     * @param enumeratorSplits for a source: its enumerator's unassigned splits, encoded; else empty
     */
    public record OperatorState(String operatorId, String name, int parallelism, int maxParallelism,
                                List<SubtaskState> subtasks, List<byte[]> enumeratorSplits) {
        public OperatorState {
            subtasks = List.copyOf(subtasks);
            enumeratorSplits = List.copyOf(enumeratorSplits);
        }
    }

    /**
     * The state of one operator subtask.
     *
     * @param subtask    index
     * @param lists      operator list state, encoded
     * @param keyed      keyed state handle, or {@code null}
     */
    public record SubtaskState(int subtask, Map<String, List<byte[]>> lists, KeyedStateHandle keyed) {
        public SubtaskState {
            lists = Map.copyOf(lists);
        }
    }

    /** Every state file the checkpoint references (for the storage's retention). */
    public List<StateFileHandle> referencedFiles() {
        List<StateFileHandle> files = new ArrayList<>();
        for (OperatorState o : operators) {
            for (SubtaskState s : o.subtasks()) {
                if (s.keyed() != null) {
                    files.addAll(s.keyed().files());
                }
            }
        }
        return files;
    }

    /** The operator with stable id {@code operatorId}, or {@code null}. */
    public OperatorState operator(String operatorId) {
        for (OperatorState o : operators) {
            if (o.operatorId().equals(operatorId)) {
                return o;
            }
        }
        return null;
    }

    // ---- binary form -------------------------------------------------------------------------

    /** Encodes the metadata (versioned). */
    public byte[] encode() {
        ByteArrayCodecOutput out = new ByteArrayCodecOutput(1024);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeLong(checkpointId);
        out.writeLong(timestamp);
        out.writeBoolean(savepoint);
        out.writeString(jobName);
        out.writeVarInt(operators.size());
        for (OperatorState o : operators) {
            out.writeString(o.operatorId());
            out.writeString(o.name());
            out.writeVarInt(o.parallelism());
            out.writeVarInt(o.maxParallelism());
            writeBlobs(out, o.enumeratorSplits());
            out.writeVarInt(o.subtasks().size());
            for (SubtaskState s : o.subtasks()) {
                out.writeVarInt(s.subtask());
                out.writeVarInt(s.lists().size());
                for (Map.Entry<String, List<byte[]>> e : new java.util.TreeMap<>(s.lists()).entrySet()) {
                    out.writeString(e.getKey());
                    writeBlobs(out, e.getValue());
                }
                out.writeBoolean(s.keyed() != null);
                if (s.keyed() != null) {
                    writeKeyed(out, s.keyed());
                }
            }
        }
        out.writeBoolean(finished);
        return out.toByteArray();
    }

    /** Decodes metadata written by {@link #encode}; a clear error for anything else. */
    public static CheckpointMetadata decode(byte[] bytes, String location) {
        ByteArrayCodecInput in = new ByteArrayCodecInput(bytes);
        try {
            if (in.readInt() != MAGIC) {
                throw new CodecException("not Weir checkpoint metadata: " + location);
            }
            int version = in.readInt();
            if (version < 1 || version > VERSION) {
                throw new CodecException("checkpoint metadata version " + version + " at " + location
                        + " is not supported (this Weir reads version " + VERSION + ")");
            }
            long id = in.readLong();
            long ts = in.readLong();
            boolean sp = in.readBoolean();
            String job = in.readString();
            int n = in.readVarInt();
            List<OperatorState> ops = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String opId = in.readString();
                String name = in.readString();
                int p = in.readVarInt();
                int maxP = in.readVarInt();
                List<byte[]> enumerator = readBlobs(in);
                int subtasks = in.readVarInt();
                List<SubtaskState> states = new ArrayList<>(subtasks);
                for (int s = 0; s < subtasks; s++) {
                    int index = in.readVarInt();
                    int lists = in.readVarInt();
                    Map<String, List<byte[]>> map = new LinkedHashMap<>();
                    for (int l = 0; l < lists; l++) {
                        map.put(in.readString(), readBlobs(in));
                    }
                    KeyedStateHandle keyed = in.readBoolean() ? readKeyed(in, version) : null;
                    states.add(new SubtaskState(index, map, keyed));
                }
                ops.add(new OperatorState(opId, name, p, maxP, states, enumerator));
            }
            boolean finished = version >= 3 && in.readBoolean();
            return new CheckpointMetadata(id, ts, sp, job, ops, finished);
        } catch (CodecException e) {
            throw new CodecException("corrupt checkpoint metadata " + location + ": " + e.getMessage(), e);
        }
    }

    private static void writeBlobs(ByteArrayCodecOutput out, List<byte[]> blobs) {
        out.writeVarInt(blobs.size());
        for (byte[] b : blobs) {
            out.writeVarInt(b.length);
            out.writeBytes(b, 0, b.length);
        }
    }

    private static List<byte[]> readBlobs(ByteArrayCodecInput in) {
        int n = in.readVarInt();
        List<byte[]> blobs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int len = in.readVarInt();
            in.require(len);
            byte[] b = new byte[len];
            in.readBytes(b, 0, len);
            blobs.add(b);
        }
        return blobs;
    }

    private static void writeKeyed(ByteArrayCodecOutput out, KeyedStateHandle h) {
        out.writeString(h.backend());
        out.writeVarInt(h.range().first());
        out.writeVarInt(h.range().last());
        out.writeBoolean(h.file() != null);
        if (h.file() != null) {
            out.writeString(h.file().path());
            out.writeLong(h.file().size());
        }
        long[] offsets = h.keyGroupOffsets();
        out.writeVarInt(offsets.length);
        for (long o : offsets) {
            out.writeLong(o);
        }
        out.writeLong(h.size());
        out.writeVarInt(h.sharedFiles().size());
        for (StateFileHandle f : h.sharedFiles()) {
            out.writeString(f.path());
            out.writeLong(f.size());
        }
    }

    private static KeyedStateHandle readKeyed(ByteArrayCodecInput in, int version) {
        String backend = in.readString();
        KeyGroupRange range = KeyGroupRange.of(in.readVarInt(), in.readVarInt());
        StateFileHandle file = in.readBoolean() ? new StateFileHandle(in.readString(), in.readLong()) : null;
        int n = in.readVarInt();
        long[] offsets = new long[n];
        for (int i = 0; i < n; i++) {
            offsets[i] = in.readLong();
        }
        long size = in.readLong();
        List<StateFileHandle> shared = new ArrayList<>();
        if (version >= 2) {
            int n2 = in.readVarInt();
            for (int i = 0; i < n2; i++) {
                shared.add(new StateFileHandle(in.readString(), in.readLong()));
            }
        }
        return new KeyedStateHandle(backend, range, file, offsets, size, shared);
    }
}
