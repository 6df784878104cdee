package io.weir.connectors.chronicle;

import io.weir.api.annotation.Evolving;
import io.weir.api.codec.CodecException;
import io.weir.api.config.ConfigOption;
import io.weir.api.config.Configuration;
import net.openhft.chronicle.queue.RollCycles;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The configuration options of {@code source = chronicle} and {@code sink = chronicle}, and how they turn into
 * formats and paths.
 *
 * <h2>Thread safety</h2>
 * Constants and stateless functions.
 */
@Evolving
public final class ChronicleOptions {
    static {
        Queues.init();
    }

    /** How records are stored. */
    public enum Format {
        /** {@link RecordFormat#strings()}. */
        STRING,
        /** {@link RecordFormat#bytes()}. */
        BYTES,
        /** {@link RecordFormat#derived} of {@link #RECORD_CLASS}. */
        CODEC
    }

    /** Where a fresh source starts. */
    public enum Start {
        /** At the first document. */
        EARLIEST,
        /** After the last document present at the start. */
        LATEST
    }

    /** The sink's guarantee. */
    public enum Delivery {
        /** Transactions with commit markers. */
        EXACTLY_ONCE,
        /** Plain records. */
        AT_LEAST_ONCE
    }

    public static final ConfigOption<String> PATH = ConfigOption.of("path", String.class, null,
            "the queue directory (source: several separated by commas, one split each)");
    public static final ConfigOption<Format> FORMAT = ConfigOption.of("format", Format.class, Format.STRING,
            "how records are stored: UTF-8 strings, raw bytes, or a codec of record-class");
    public static final ConfigOption<String> RECORD_CLASS = ConfigOption.of("record-class", String.class, null,
            "with format = codec: the class of the records (a record, enum or other type a CodecRegistry derives)");
    public static final ConfigOption<Boolean> BOUNDED = ConfigOption.of("bounded", Boolean.class, false,
            "read up to the end present at the start, then finish; false: tail the queues without end");
    public static final ConfigOption<Boolean> READ_COMMITTED = ConfigOption.of("read-committed", Boolean.class, true,
            "emit only records of committed sink transactions (and records outside transactions)");
    public static final ConfigOption<Start> START = ConfigOption.of("start", Start.class, Start.EARLIEST,
            "where a fresh start begins: earliest document, or after the latest present (a restore resumes exactly)");
    public static final ConfigOption<String> SINK_ID = ConfigOption.of("sink-id", String.class,
            ChronicleSink.DEFAULT_SINK_ID,
            "identity of the sink's transactions; unique among jobs writing the queue at the same time");
    public static final ConfigOption<Delivery> DELIVERY = ConfigOption.of("delivery", Delivery.class,
            Delivery.EXACTLY_ONCE, "exactly-once (commit markers) or at-least-once (plain records)");
    public static final ConfigOption<Boolean> SYNC = ConfigOption.of("sync", Boolean.class, true,
            "msync the queue at pre-commit and commit");
    public static final ConfigOption<RollCycles> ROLL_CYCLE = ConfigOption.of("roll-cycle", RollCycles.class,
            RollCycles.FAST_DAILY, "roll cycle of a queue the sink creates");

    private ChronicleOptions() {
    }

    /** The format the options describe; {@code connector} names the source or sink in messages. */
    static RecordFormat<?> format(Configuration configuration, String connector) {
        Format format = configuration.get(FORMAT);
        String className = configuration.get(RECORD_CLASS);
        if (format != Format.CODEC) {
            if (className != null) {
                throw new IllegalArgumentException(connector + ": option '" + RECORD_CLASS.key()
                        + "' applies only to format = codec, not to format = " + format.name().toLowerCase());
            }
            return format == Format.STRING ? RecordFormat.strings() : RecordFormat.bytes();
        }
        if (className == null || className.isBlank()) {
            throw new IllegalArgumentException(connector + ": format = codec needs option '" + RECORD_CLASS.key()
                    + "' (the class of the records)");
        }
        Class<?> type;
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            type = Class.forName(className.trim(), true,
                    loader != null ? loader : ChronicleOptions.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException(connector + ": option '" + RECORD_CLASS.key() + "': class '"
                    + className + "' cannot be loaded (" + e + ")", e);
        }
        try {
            return RecordFormat.derived(type);
        } catch (CodecException e) {
            throw new IllegalArgumentException(connector + ": option '" + RECORD_CLASS.key() + "': " + e.getMessage(),
                    e);
        }
    }

    /** The paths of option {@code path}: one, or several separated by commas. */
    static List<Path> paths(Configuration configuration, String connector, boolean several) {
        String raw = configuration.get(PATH);
        List<Path> paths = new ArrayList<>();
        for (String part : several ? raw.split(",") : new String[]{raw}) {
            String p = part.trim();
            if (p.isEmpty()) {
                throw new IllegalArgumentException(connector + ": option '" + PATH.key() + "': empty path in '" + raw
                        + "'");
            }
            try {
                paths.add(Path.of(p));
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException(connector + ": option '" + PATH.key() + "': '" + p
                        + "' is not a path: " + e.getMessage(), e);
            }
        }
        return paths;
    }
}
