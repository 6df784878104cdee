package io.weir.connectors.files;

import io.weir.api.annotation.Evolving;
import io.weir.api.codec.Codec;
import io.weir.spi.sink.Committer;
import io.weir.spi.sink.PrecommittingSinkWriter;
import io.weir.spi.sink.TwoPhaseCommitSink;
import io.weir.spi.sink.WriterContext;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes records as lines ({@link LineEncoder}, {@code toString()} in UTF-8 by default) into part files
 * in one directory: {@code part-<subtask>-<transaction>-<sequence>} (see {@link PartName}).
 *
 * <p>Exactly-once (the default): each part is written under a hidden staging name,
 * {@code .part-...inprogress}; at a checkpoint barrier the writer ends its part (fsync) and the part is
 * stored in the checkpoint as a {@link FileCommittable}; once the checkpoint is complete it is renamed
 * to its final name. So a reader who ignores hidden files sees each record exactly once, and only
 * records of completed checkpoints (or of a finished job). Staged parts of checkpoints that never
 * completed are deleted after the restore.
 *
 * <p>At-least-once ({@link Builder#atLeastOnce()}): parts are renamed at each checkpoint barrier and at
 * the end of the input, without waiting for the checkpoint to complete, so records show up sooner, but a
 * failure replays records since the last completed checkpoint into new parts: duplicates are possible.
 *
 * <p>Rolling: a part ends at every checkpoint and once it holds at least the rolling size in bytes
 * (so a part exceeds that size by less than one record).
 *
 * <pre>{@code
 * stream.sinkTo(FileSink.forRows(Path.of("out")).withRollingSize(64 << 20).build());
 * }</pre>
 *
 * <h2>Thread safety</h2>
 * Immutable; shared by every subtask. Each subtask gets its own writer and committer.
 *
 * @param <T> record type
 */
@Evolving
public final class FileSink<T> implements TwoPhaseCommitSink<T, FileCommittable> {
    /** The default rolling size: 128 MiB. */
    public static final long DEFAULT_ROLLING_SIZE = 128L << 20;

    private final Path directory;
    private final LineEncoder<? super T> encoder;
    private final long rollingSize;
    private final boolean exactlyOnce;

    private FileSink(Builder<T> builder) {
        this.directory = builder.directory.toAbsolutePath().normalize();
        this.encoder = builder.encoder;
        this.rollingSize = builder.rollingSize;
        this.exactlyOnce = builder.exactlyOnce;
    }

    /** A builder of a sink into {@code directory} (created when missing). */
    public static <T> Builder<T> forRows(Path directory) {
        return new Builder<>(Objects.requireNonNull(directory, "directory"), LineEncoder.utf8ToString(),
                DEFAULT_ROLLING_SIZE, true);
    }

    @Override
    public PrecommittingSinkWriter<T, FileCommittable> createWriter(WriterContext context) throws Exception {
        return new FileSinkWriter<>(directory, context.subtaskIndex(), context.parallelism(), encoder, rollingSize,
                exactlyOnce, context.restoredCheckpointId());
    }

    @Override
    public Committer<FileCommittable> createCommitter(WriterContext context) {
        return new FileCommitter();
    }

    @Override
    public Codec<FileCommittable> committableCodec() {
        return FileCommittableCodec.INSTANCE;
    }

    /** The directory of the part files (absolute). */
    public Path directory() {
        return directory;
    }

    /** The size in bytes at which a part ends. */
    public long rollingSize() {
        return rollingSize;
    }

    /** {@code true} for exactly-once, {@code false} for at-least-once. */
    public boolean exactlyOnce() {
        return exactlyOnce;
    }

    @Override
    public String toString() {
        return "FileSink[" + directory + ", " + (exactlyOnce ? "exactly-once" : "at-least-once") + "]";
    }

    /**
     * Configures a {@link FileSink}. Each method returns a new builder; the defaults are
     * {@link LineEncoder#utf8ToString()}, {@link #DEFAULT_ROLLING_SIZE} and exactly-once.
     *
     * @param <T> record type
     */
    public static final class Builder<T> {
        private final Path directory;
        private final LineEncoder<? super T> encoder;
        private final long rollingSize;
        private final boolean exactlyOnce;

        private Builder(Path directory, LineEncoder<? super T> encoder, long rollingSize, boolean exactlyOnce) {
            this.directory = directory;
            this.encoder = encoder;
            this.rollingSize = rollingSize;
            this.exactlyOnce = exactlyOnce;
        }

        /** Encodes each record with {@code encoder} instead of {@code toString()}. */
        public <U> Builder<U> withEncoder(LineEncoder<? super U> encoder) {
            return new Builder<>(directory, Objects.requireNonNull(encoder, "encoder"), rollingSize, exactlyOnce);
        }

        /** Ends a part once it holds at least {@code bytes} bytes; {@code bytes > 0}. */
        public Builder<T> withRollingSize(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("rolling size must be positive, got " + bytes + " bytes");
            }
            return new Builder<>(directory, encoder, bytes, exactlyOnce);
        }

        /** Renames parts at each checkpoint barrier without waiting for completion: duplicates after failures. */
        public Builder<T> atLeastOnce() {
            return new Builder<>(directory, encoder, rollingSize, false);
        }

        /** Renames parts only once their checkpoint is complete (the default). */
        public Builder<T> exactlyOnce() {
            return new Builder<>(directory, encoder, rollingSize, true);
        }

        public FileSink<T> build() {
            return new FileSink<>(this);
        }
    }
}
