package io.weir.connectors.chronicle;

import io.weir.api.annotation.Evolving;
import io.weir.api.codec.Codec;
import io.weir.spi.sink.Committer;
import io.weir.spi.sink.PrecommittingSinkWriter;
import io.weir.spi.sink.TwoPhaseCommitSink;
import io.weir.spi.sink.WriterContext;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Writes records into one Chronicle queue, exactly-once (the default) or at-least-once.
 *
 * <h2>Exactly-once protocol</h2>
 * Chosen design: <em>data documents in place plus markers</em>, as Kafka's transactions. Each subtask writes
 * its records straight into the shared queue as TXN_DATA documents tagged with the transaction's identity
 * (sink id hash, subtask, incarnation, counter: {@link DocumentDescriptor}); at the checkpoint barrier it
 * appends a PREPARE marker (naming the checkpoint) and syncs; once the checkpoint is complete the committer
 * appends a COMMIT marker. A read-committed {@link ChronicleSource} emits a transaction's records only after its
 * COMMIT and skips those of aborted transactions, so records of uncommitted checkpoints are never visible to it.
 * <ul>
 *   <li><b>Atomic, idempotent commit</b>: one marker document; a retried commit appends a second COMMIT of the
 *       same transaction, which readers ignore: data is never copied, so it can never be duplicated.</li>
 *   <li><b>Recovery</b>: a restarted writer first appends a FENCE with the restored checkpoint id: every
 *       undecided transaction of its subtask index that is not prepared, or prepared for a later checkpoint,
 *       is aborted; transactions prepared for checkpoints up to the restored one are committed by the
 *       committer from the checkpoint's state (crash between pre-commit and commit: the COMMIT simply comes
 *       after the restore). A fresh start (no checkpoint) fences every undecided transaction of the sink id.</li>
 *   <li><b>Why not stage and copy on commit</b>: copying a transaction into the queue at commit is not atomic
 *       (a crash in the middle leaves a prefix) and a retry would have to find out how far the copy got;
 *       writing in place costs readers a look-ahead instead, but keeps commit a single small append and data
 *       written once.</li>
 *   <li><b>Limits</b>: as with Kafka's last stable offset, a tailing read-committed reader waits at the first
 *       record of a transaction still open, so a job that stops for good between pre-commit and commit holds
 *       readers back until a job with the same sink id starts again (its FENCE or COMMIT decides), or
 *       {@link ChronicleRecords#abortOpenTransactions} is run. The sink id must be unique among jobs writing
 *       the same queue at the same time.</li>
 * </ul>
 * At-least-once ({@link Builder#atLeastOnce()}): plain DATA documents, visible at once, synced at checkpoints;
 * after a failure the records since the last checkpoint are written again.
 *
 * <pre>{@code
 * stream.sinkTo(ChronicleSink.builder(Path.of("/data/out"), RecordFormat.strings()).sinkId("orders-job").build());
 * }</pre>
 *
 * <h2>Thread safety</h2>
 * Immutable; shared by every subtask, each of which gets its own writer and committer (and queue handles).
 *
 * @param <T> record type
 */
@Evolving
public final class ChronicleSink<T> implements TwoPhaseCommitSink<T, ChronicleCommittable> {
    /** The sink id when none is given. */
    public static final String DEFAULT_SINK_ID = "weir";
    static {
        Queues.init();
    }


    private final Path queue;
    private final RecordFormat<T> format;
    private final String sinkId;
    private final long sinkHash;
    private final boolean exactlyOnce;
    private final boolean sync;
    private final RollCycle rollCycle;
    private final UnaryOperator<SingleChronicleQueueBuilder> customizer;

    private ChronicleSink(Builder<T> b) {
        this.queue = b.queue;
        this.format = b.format;
        this.sinkId = b.sinkId;
        this.sinkHash = hash(b.sinkId);
        this.exactlyOnce = b.exactlyOnce;
        this.sync = b.sync;
        this.rollCycle = b.rollCycle;
        this.customizer = b.customizer;
    }

    /** A builder of a sink into the queue in {@code directory} (created when missing). */
    public static <T> Builder<T> builder(Path directory, RecordFormat<T> format) {
        return new Builder<>(Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize(),
                Objects.requireNonNull(format, "format"));
    }

    /** The hash of a sink id written in documents: the first 8 bytes of its UTF-8 SHA-256. */
    static long hash(String sinkId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sinkId.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    @Override
    public PrecommittingSinkWriter<T, ChronicleCommittable> createWriter(WriterContext context) {
        return new ChronicleSinkWriter<>(this, context.subtaskIndex(), context.parallelism(),
                context.restoredCheckpointId());
    }

    @Override
    public Committer<ChronicleCommittable> createCommitter(WriterContext context) {
        return new ChronicleCommitter(this);
    }

    @Override
    public Codec<ChronicleCommittable> committableCodec() {
        return ChronicleCommittable.CODEC;
    }

    /** The queue directory (absolute). */
    public Path queue() {
        return queue;
    }

    /** The record format. */
    public RecordFormat<T> format() {
        return format;
    }

    /** The sink id: the identity of this sink's transactions in the queue. */
    public String sinkId() {
        return sinkId;
    }

    /** {@code true} for exactly-once, {@code false} for at-least-once. */
    public boolean exactlyOnce() {
        return exactlyOnce;
    }

    /** Whether the queue's files are synced (msync) at pre-commit and commit. */
    public boolean sync() {
        return sync;
    }

    /** The roll cycle of a queue this sink creates. */
    public RollCycle rollCycle() {
        return rollCycle;
    }

    long sinkHash() {
        return sinkHash;
    }

    UnaryOperator<SingleChronicleQueueBuilder> customizer() {
        return customizer;
    }

    @Override
    public String toString() {
        return "ChronicleSink[" + queue + ", " + format + ", sink id '" + sinkId + "', "
                + (exactlyOnce ? "exactly-once" : "at-least-once") + "]";
    }

    /**
     * Configures a {@link ChronicleSink}: exactly-once, sink id {@value #DEFAULT_SINK_ID}, sync on, roll cycle
     * {@code FAST_DAILY} by default.
     *
     * <h2>Thread safety</h2>
     * Not thread-safe; build on one thread.
     *
     * @param <T> record type
     */
    public static final class Builder<T> {
        private final Path queue;
        private final RecordFormat<T> format;
        private String sinkId = DEFAULT_SINK_ID;
        private boolean exactlyOnce = true;
        private boolean sync = true;
        private RollCycle rollCycle = RollCycles.FAST_DAILY;
        private UnaryOperator<SingleChronicleQueueBuilder> customizer = UnaryOperator.identity();

        private Builder(Path queue, RecordFormat<T> format) {
            this.queue = queue;
            this.format = format;
        }

        /**
         * The identity of this sink's transactions in the queue; must differ between jobs that write the same
         * queue at the same time (a starting writer aborts the open transactions of its sink id), and stay the
         * same across restarts of one job.
         */
        public Builder<T> sinkId(String id) {
            Objects.requireNonNull(id, "id");
            if (id.isBlank()) {
                throw new IllegalArgumentException("chronicle sink: the sink id must not be blank");
            }
            this.sinkId = id;
            return this;
        }

        /** Transactions committed when their checkpoint completes (the default). */
        public Builder<T> exactlyOnce() {
            exactlyOnce = true;
            return this;
        }

        /** Plain records, visible at once; duplicates after a failure. */
        public Builder<T> atLeastOnce() {
            exactlyOnce = false;
            return this;
        }

        /** Whether to msync the queue at pre-commit and commit (default true: survives a machine crash). */
        public Builder<T> sync(boolean enabled) {
            sync = enabled;
            return this;
        }

        /** The roll cycle of a queue the sink creates (an existing queue keeps its own). */
        public Builder<T> rollCycle(RollCycle cycle) {
            rollCycle = Objects.requireNonNull(cycle, "cycle");
            return this;
        }

        /** A last change to every queue builder of the sink (tests set a time provider). */
        Builder<T> customizer(UnaryOperator<SingleChronicleQueueBuilder> c) {
            customizer = Objects.requireNonNull(c, "c");
            return this;
        }

        public ChronicleSink<T> build() {
            return new ChronicleSink<>(this);
        }
    }
}
