package io.weir.perf.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads run folders as the run-folder contract ({@code docs/bench-run-format.md}) defines them:
 * {@value #SUMMARY}, {@value #HGRM} (percentile distribution, nanoseconds scaled to microseconds), {@value #HLOG}
 * (interval log, nanoseconds) and {@value #CSV} ({@code second,events,sinkRecords}); Weir's latency runs add
 * {@value #HICCUPS} (the platform's hiccups per second, an interval log in nanoseconds).
 *
 * <h2>Thread safety</h2>
 * Stateless; the mappers are thread-safe.
 */
public final class RunFolder {
    /** The JSON summary. */
    public static final String SUMMARY = "summary.json";
    /** The percentile distribution. */
    public static final String HGRM = "latency.hgrm";
    /** The interval histogram log. */
    public static final String HLOG = "latency.hlog";
    /** The platform's hiccups per second, an interval log like {@value #HLOG} (Weir's latency runs; optional). */
    public static final String HICCUPS = "hiccups.hlog";
    /** The per-second throughput. */
    public static final String CSV = "throughput.csv";
    /** The HTML report of the run. */
    public static final String REPORT = "report.html";
    /** The hgrm's unit: nanoseconds shown as microseconds. */
    public static final double OUTPUT_SCALING = 1000.0;

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final CsvMapper CSV_MAPPER = new CsvMapper();
    private static final CsvSchema CSV_SCHEMA = CSV_MAPPER.schemaFor(ThroughputRow.class).withHeader();

    private RunFolder() {
    }

    /** Writes {@code run} into {@code folder} (created if missing; existing files are replaced). */
    public static void write(Path folder, RunData run) {
        try {
            Files.createDirectories(folder);
            JSON.writeValue(folder.resolve(SUMMARY).toFile(), run.summary());
            try (PrintStream out = new PrintStream(Files.newOutputStream(folder.resolve(HGRM)), false, StandardCharsets.UTF_8)) {
                run.latency().outputPercentileDistribution(out, OUTPUT_SCALING);
            }
            writeLog(folder.resolve(HLOG), run.intervals());
            if (!run.hiccups().isEmpty()) {
                writeLog(folder.resolve(HICCUPS), run.hiccups());
            }
            CSV_MAPPER.writer(CSV_SCHEMA).writeValue(folder.resolve(CSV).toFile(), run.throughput());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** An HdrHistogram interval log of {@code intervals} (their time stamps set). */
    private static void writeLog(Path file, List<Histogram> intervals) throws IOException {
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8)) {
            HistogramLogWriter log = new HistogramLogWriter(out);
            long start = intervals.isEmpty() ? System.currentTimeMillis() : intervals.getFirst().getStartTimeStamp();
            log.outputLogFormatVersion();
            log.outputStartTime(start);
            log.setBaseTime(start);
            log.outputLegend();
            for (Histogram interval : intervals) {
                log.outputIntervalHistogram(interval);
            }
        }
    }

    /**
     * Reads a run folder (Weir's or the Flink runner's).
     *
     * @throws IllegalArgumentException naming the folder and file, when a file is missing or malformed
     */
    public static LoadedRun read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("not a run folder: " + folder + " does not exist or is not a directory");
        }
        RunSummary summary;
        Path summaryFile = require(folder, SUMMARY);
        try {
            summary = readSummary(JSON.readTree(summaryFile.toFile()));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + summaryFile + ": " + e.getMessage(), e);
        }
        if (summary.engine() == null || summary.workload() == null || summary.mode() == null) {
            throw new IllegalArgumentException(summaryFile + ": the keys engine, workload and mode are required");
        }
        Path hgrm = require(folder, HGRM);
        List<PercentilePoint> percentiles;
        try {
            percentiles = Hgrm.parse(Files.readAllLines(hgrm, StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read " + hgrm + ": " + e.getMessage(), e);
        }
        Path csv = require(folder, CSV);
        List<ThroughputRow> rows = new ArrayList<>();
        try (MappingIterator<ThroughputRow> it = CSV_MAPPER.readerFor(ThroughputRow.class).with(CSV_SCHEMA).readValues(csv.toFile())) {
            while (it.hasNext()) {
                rows.add(it.next());
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read " + csv + " (expected the header second,events,sinkRecords): "
                    + e.getMessage(), e);
        }
        return new LoadedRun(folder, summary, percentiles, rows);
    }

    /**
     * The summary in {@code tree}. The contract's keys must have their types; the keys that only Weir's harness
     * writes ({@link #EXTRAS}) are dropped when another writer used them differently.
     */
    static RunSummary readSummary(JsonNode tree) throws IOException {
        try {
            return JSON.treeToValue(tree, RunSummary.class);
        } catch (IOException e) {
            if (!(tree instanceof ObjectNode object) || EXTRAS.stream().noneMatch(object::has)) {
                throw e;
            }
            ObjectNode contractOnly = object.deepCopy();
            contractOnly.remove(EXTRAS);
            return JSON.treeToValue(contractOnly, RunSummary.class);
        }
    }

    /** Keys of {@link RunSummary} beyond the contract. */
    private static final List<String> EXTRAS = List.of("sinkRecords", "cpuSeconds", "loadAverage", "gc", "hiccupNanos");

    private static Path require(Path folder, String name) {
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("run folder " + folder + " has no " + name);
        }
        return file;
    }

    /** The summary as JSON text (for printing). */
    public static String toJson(RunSummary summary) {
        try {
            return JSON.writeValueAsString(summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
