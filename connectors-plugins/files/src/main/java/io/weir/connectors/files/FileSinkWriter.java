package io.weir.connectors.files;

import io.weir.spi.sink.PrecommittingSinkWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The writer of one {@link FileSink} subtask. Records go, one line each, into the current part file,
 * written under its hidden staging name ({@link PartName}); a part ends when it reaches the rolling
 * size and at every {@link #prepareCommit}.
 *
 * <p>Exactly-once: {@code prepareCommit} makes the transaction's parts durable and returns them; the
 * committer renames them once the checkpoint is complete. At-least-once: {@code prepareCommit} (and
 * {@code flush(true)}) rename the parts at once and return nothing, so that a failure before the
 * checkpoint completes replays records that are already visible: duplicates.
 *
 * <p>Leftovers after a restore of checkpoint {@code R}: staged parts of this subtask's index (subtask 0:
 * also of indexes {@code >= parallelism}, subtasks that no longer exist) whose transaction is above
 * {@code R}. Parts with a transaction up to {@code R} belong to the restored checkpoint and are being
 * committed, possibly by another subtask after rescaling, so they are never touched. Without
 * {@code R} ({@link io.weir.spi.sink.WriterContext#restoredCheckpointId()} empty) exactly-once leaves
 * leftovers in place: hidden files, never data loss.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: the subtask's thread, as {@link PrecommittingSinkWriter} says.
 */
final class FileSinkWriter<T> implements PrecommittingSinkWriter<T, FileCommittable> {
    private final Path directory;
    private final int subtask;
    private final int parallelism;
    private final LineEncoder<? super T> encoder;
    private final long rollingSize;
    private final boolean exactlyOnce;
    private final OptionalLong restoredCheckpointId;
    private final List<FileCommittable> finished = new ArrayList<>();
    /** The transaction of new parts: the last pre-committed (or restored) checkpoint id plus one. */
    private long transaction;
    private long nextSequence = -1;
    private PartFile current;

    FileSinkWriter(Path directory, int subtask, int parallelism, LineEncoder<? super T> encoder, long rollingSize,
                   boolean exactlyOnce, OptionalLong restoredCheckpointId) throws IOException {
        this.directory = directory;
        this.subtask = subtask;
        this.parallelism = parallelism;
        this.encoder = encoder;
        this.rollingSize = rollingSize;
        this.exactlyOnce = exactlyOnce;
        this.restoredCheckpointId = restoredCheckpointId;
        this.transaction = restoredCheckpointId.orElse(0) + 1;
        Files.createDirectories(directory);
    }

    @Override
    public void write(T record, long timestamp) throws IOException {
        if (current == null) {
            current = PartFile.create(nextPart());
        }
        encoder.encode(record, current);
        current.write('\n');
        if (current.size() >= rollingSize) {
            finishPart();
        }
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
        if (current != null) {
            current.flush();
        }
        if (endOfInput && !exactlyOnce) {
            finishPart();
            publish();
        }
    }

    @Override
    public List<FileCommittable> prepareCommit(long checkpointId) throws IOException {
        finishPart();
        transaction = checkpointId == Long.MAX_VALUE ? checkpointId : checkpointId + 1;
        if (!exactlyOnce) {
            publish();
            return List.of();
        }
        List<FileCommittable> committables = List.copyOf(finished);
        finished.clear();
        if (!committables.isEmpty()) {
            FileCommitter.syncDirectory(directory);
        }
        return committables;
    }

    @Override
    public void abortLeftovers(List<FileCommittable> committed) throws IOException {
        if (exactlyOnce && restoredCheckpointId.isEmpty()) {
            return;
        }
        long restored = restoredCheckpointId.orElse(Long.MAX_VALUE);
        Set<Path> keep = new HashSet<>();
        committed.forEach(c -> keep.add(c.stagingFile()));
        boolean deleted = false;
        for (Path file : list()) {
            Optional<PartName.Parsed> parsed = PartName.parse(file.getFileName().toString());
            if (parsed.isPresent() && parsed.get().staging() && owns(parsed.get().name())
                    && (!exactlyOnce || parsed.get().name().transaction() > restored) && !keep.contains(file)) {
                deleted |= Files.deleteIfExists(file);
            }
        }
        if (deleted) {
            FileCommitter.syncDirectory(directory);
        }
    }

    /** Whether this subtask cleans up after part files written under {@code name}'s subtask index. */
    private boolean owns(PartName name) {
        return name.subtask() == subtask || (subtask == 0 && name.subtask() >= parallelism);
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            PartFile abandoned = current;
            current = null;
            abandoned.abandon();
        }
    }

    private void finishPart() throws IOException {
        if (current != null) {
            PartFile done = current;
            current = null;
            done.finish();
            finished.add(done.committable());
        }
    }

    /** At-least-once: renames every finished part into place now. */
    private void publish() throws IOException {
        if (finished.isEmpty()) {
            return;
        }
        for (FileCommittable c : finished) {
            FileCommitter.commitOne(c);
        }
        finished.clear();
        FileCommitter.syncDirectory(directory);
    }

    private FileCommittable nextPart() throws IOException {
        if (nextSequence < 0) {
            nextSequence = highestSequence() + 1;
        }
        PartName name = new PartName(subtask, transaction, nextSequence++);
        return new FileCommittable(directory.resolve(name.stagingName()), directory.resolve(name.finalName()));
    }

    /** The highest sequence number of this subtask index in the directory, staged or final; -1 if none. */
    private long highestSequence() throws IOException {
        long highest = -1;
        for (Path file : list()) {
            Optional<PartName.Parsed> parsed = PartName.parse(file.getFileName().toString());
            if (parsed.isPresent() && parsed.get().name().subtask() == subtask) {
                highest = Math.max(highest, parsed.get().name().sequence());
            }
        }
        return highest;
    }

    private List<Path> list() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            stream.forEach(files::add);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return files;
    }
}
