package io.weir.connectors.files.source;

import io.weir.api.annotation.Evolving;
import io.weir.api.codec.Codec;
import io.weir.api.config.Configuration;
import io.weir.api.config.ExecutionOptions;
import io.weir.api.time.Clock;
import io.weir.spi.source.Boundedness;
import io.weir.spi.source.EnumeratorContext;
import io.weir.spi.source.ReaderContext;
import io.weir.spi.source.SplitEnumerator;
import io.weir.spi.source.SplitReader;
import io.weir.spi.source.SplitSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads the lines of files and folders as records ({@link LineFormat}: text, CSV, JSON lines, or your own).
 *
 * <p>Splits: each file is cut into blocks of {@link Builder#blockSize} bytes ({@value #DEFAULT_BLOCK_SIZE} by
 * default); readers ask for blocks one at a time, so parallel readers share the work, and each block yields the
 * lines that start in it ({@link FileBlock}). Bounded by default: the files there at the start are read, then
 * the source ends. With {@link Builder#monitorEvery} it runs until cancelled, listing the paths again at that
 * interval (on the job's clock, {@code env.setClock}) and reading each new file once; files starting with
 * {@code .} or {@code _} are ignored, so write files elsewhere or under such a name and rename them into place.
 *
 * <p>Checkpoints: each block's position (next line offset, line number, dead-letter length) and, when
 * monitoring, the files already found. After a restore, reading resumes exactly there: every line is emitted
 * once per successful run, none twice, none lost.
 *
 * <p>Malformed lines: {@link OnMalformed}; never dropped silently.
 *
 * <pre>{@code
 * env.fromSource(FileSource.forFormat(LineFormat.text(), Path.of("logs")).build(), "logs");
 * env.fromSource(FileSource.forFormat(CsvFormat.withHeader(), Path.of("in"))
 *         .monitorEvery(Duration.ofSeconds(10)).deadLetters(Path.of("bad")).build(), "trades");
 * }</pre>
 *
 * <h2>Thread safety</h2>
 * Immutable; shared by the enumerator and every reader.
 *
 * @param <T> record type: the format's, or {@link FileRecord} of it with {@link Builder#buildWithMalformedLines()}
 */
@Evolving
public final class FileSource<T> implements SplitSource<T, FileSplit> {
    /** The default block size: 64 MiB. */
    public static final long DEFAULT_BLOCK_SIZE = 64L << 20;
    /** The default longest line: 64 MiB. */
    public static final int DEFAULT_MAX_LINE_LENGTH = 64 << 20;

    private final List<Path> paths;
    private final LineFormat<?> format;
    private final long blockSize;
    private final int maxLineLength;
    private final long monitorIntervalMillis;
    private final OnMalformed onMalformed;
    private final Path deadLetterFolder;
    private final boolean tagged;

    private FileSource(Builder<?> builder, boolean tagged) {
        this.paths = List.copyOf(builder.paths);
        this.format = builder.format;
        this.blockSize = builder.blockSize;
        this.maxLineLength = builder.maxLineLength;
        this.monitorIntervalMillis = builder.monitorInterval.toMillis();
        this.onMalformed = tagged ? OnMalformed.SIDE_OUTPUT : builder.deadLetterFolder != null ? OnMalformed.DEAD_LETTER
                : OnMalformed.FAIL;
        this.deadLetterFolder = builder.deadLetterFolder;
        this.tagged = tagged;
    }

    /** A builder of a source that reads {@code paths} (files or folders) with {@code format}. */
    public static <T> Builder<T> forFormat(LineFormat<T> format, Path... paths) {
        return new Builder<>(format, List.of(paths));
    }

    /** A builder of a source that reads {@code paths} (files or folders) with {@code format}. */
    public static <T> Builder<T> forFormat(LineFormat<T> format, List<Path> paths) {
        return new Builder<>(format, paths);
    }

    @Override
    public Boundedness boundedness() {
        return monitorIntervalMillis > 0 ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<FileSplit> createEnumerator(EnumeratorContext<FileSplit> context) {
        return new FileEnumerator(context, discovery(), monitorIntervalMillis, null);
    }

    @Override
    public SplitEnumerator<FileSplit> restoreEnumerator(EnumeratorContext<FileSplit> context, List<FileSplit> unassigned) {
        return new FileEnumerator(context, discovery(), monitorIntervalMillis, unassigned);
    }

    private FileDiscovery discovery() {
        return new FileDiscovery(paths, blockSize);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public SplitReader<T, FileSplit> createReader(ReaderContext context) {
        return (SplitReader) new FileSourceReader<>(this, format, context);
    }

    @Override
    public Codec<FileSplit> splitCodec() {
        return FileSplitCodec.INSTANCE;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<T> producedType() {
        return tagged ? (Class<T>) (Class<?>) FileRecord.class : (Class<T>) format.producedType();
    }

    /** The files and folders read (absolute, normalized). */
    public List<Path> paths() {
        return paths;
    }

    /** The format. */
    public LineFormat<?> format() {
        return format;
    }

    /** The block size in bytes (0: one block per file). */
    public long blockSize() {
        return blockSize;
    }

    /** The longest line in bytes; a longer one is malformed. */
    public int maxLineLength() {
        return maxLineLength;
    }

    /** The interval between listings in milliseconds, or 0 for a bounded source. */
    public long monitorIntervalMillis() {
        return monitorIntervalMillis;
    }

    /** What happens to malformed lines. */
    public OnMalformed onMalformed() {
        return onMalformed;
    }

    /** The folder of dead-letter files, or {@code null} unless {@link OnMalformed#DEAD_LETTER}. */
    public Path deadLetterFolder() {
        return deadLetterFolder;
    }

    /** {@code true} if records are {@link FileRecord}s. */
    boolean tagged() {
        return tagged;
    }

    /** The job's processing-time clock. */
    static Clock clock(Configuration configuration) {
        return configuration == null ? Clock.system() : configuration.get(ExecutionOptions.CLOCK);
    }

    /**
     * Configures a {@link FileSource}.
     *
     * <h2>Thread safety</h2>
     * Not thread-safe; use from one thread.
     *
     * @param <T> record type of the format
     */
    @Evolving
    public static final class Builder<T> {
        private final LineFormat<T> format;
        private final List<Path> paths = new ArrayList<>();
        private long blockSize = DEFAULT_BLOCK_SIZE;
        private int maxLineLength = DEFAULT_MAX_LINE_LENGTH;
        private Duration monitorInterval = Duration.ZERO;
        private Path deadLetterFolder;

        private Builder(LineFormat<T> format, List<Path> paths) {
            this.format = Objects.requireNonNull(format, "format");
            if (paths.isEmpty()) {
                throw new IllegalArgumentException("files source: give at least one file or folder to read");
            }
            for (Path p : paths) {
                this.paths.add(Objects.requireNonNull(p, "path").toAbsolutePath().normalize());
            }
        }

        /** Splits files into blocks of {@code bytes} (0: one block per file). */
        public Builder<T> blockSize(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("files source: block size must be >= 0 (0: whole files), not " + bytes);
            }
            this.blockSize = bytes;
            return this;
        }

        /**
         * Lines longer than {@code bytes} are malformed ("the line is longer than ..."), so that a file without line
         * breaks (a binary file in the folder) is reported instead of filling the memory.
         */
        public Builder<T> maxLineLength(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("files source: the longest line must be at least 1 byte, not " + bytes);
            }
            this.maxLineLength = bytes;
            return this;
        }

        /** Keeps running, listing the paths for new files every {@code interval} (at least 1 ms); zero: bounded. */
        public Builder<T> monitorEvery(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative() || (!interval.isZero() && interval.toMillis() == 0)) {
                throw new IllegalArgumentException("files source: monitor interval must be zero (bounded) or at least 1 ms, not "
                        + interval);
            }
            this.monitorInterval = interval;
            return this;
        }

        /**
         * Writes malformed lines to dead-letter files in {@code folder} ({@link OnMalformed#DEAD_LETTER}) instead of
         * failing the job. The folder must not be inside a path the source reads.
         */
        public Builder<T> deadLetters(Path folder) {
            Path f = Objects.requireNonNull(folder, "folder").toAbsolutePath().normalize();
            for (Path p : paths) {
                if (f.startsWith(p)) {
                    throw new IllegalArgumentException("files source: the dead-letter folder " + f
                            + " lies inside the path " + p + " that the source reads; choose a folder outside it");
                }
            }
            this.deadLetterFolder = f;
            return this;
        }

        /** Fails the job at the first malformed line ({@link OnMalformed#FAIL}, the default). */
        public Builder<T> failOnMalformed() {
            this.deadLetterFolder = null;
            return this;
        }

        /** The source: records of the format; malformed lines fail the job or go to dead-letter files. */
        public FileSource<T> build() {
            return new FileSource<>(this, false);
        }

        /**
         * The source with malformed lines among the records ({@link OnMalformed#SIDE_OUTPUT}): each line is a
         * {@link FileRecord}; {@link FileRecord#splitMalformed()} separates them.
         */
        public FileSource<FileRecord<T>> buildWithMalformedLines() {
            if (deadLetterFolder != null) {
                throw new IllegalStateException("files source: malformed lines go either to dead-letter files or among the "
                        + "records, not both");
            }
            return new FileSource<>(this, true);
        }
    }
}
