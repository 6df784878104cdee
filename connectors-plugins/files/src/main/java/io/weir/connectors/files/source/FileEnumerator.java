package io.weir.connectors.files.source;

import io.weir.api.time.Clock;
import io.weir.spi.source.EnumeratorContext;
import io.weir.spi.source.SplitEnumerator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Hands out {@link FileBlock}s, one per request, in file order.
 *
 * <p>Bounded: lists the paths once at {@link #start()} (not after a restore: the checkpoint holds what was
 * left), then answers "no more splits" once everything is handed out.
 *
 * <p>Monitoring: lists the paths at start and again whenever a request comes and at least the monitor
 * interval (on the job's clock) has passed since the last listing; new files become blocks, files already
 * seen are ignored (also when they change). A request that finds no block waits for the next listing; an
 * idle reader repeats its request once per interval, so listings happen while readers wait. The files seen
 * so far travel in checkpoints as a {@link DiscoveredFiles}.
 *
 * <h2>Thread safety</h2>
 * Confined to the source coordinator's thread.
 */
final class FileEnumerator implements SplitEnumerator<FileSplit> {
    private final EnumeratorContext<FileSplit> context;
    private final FileDiscovery discovery;
    private final long intervalMillis;
    private final boolean listAtStart;
    private final ArrayDeque<FileBlock> pending = new ArrayDeque<>();
    private final Set<String> discovered = new TreeSet<>();
    private final Set<Integer> waiting = new LinkedHashSet<>();
    private final Clock clock;
    private long nextListing;

    /**
     * @param intervalMillis the monitor interval, or 0 for a bounded source
     * @param restored       the enumerator's part of a checkpoint, or {@code null} on a fresh start
     */
    FileEnumerator(EnumeratorContext<FileSplit> context, FileDiscovery discovery, long intervalMillis,
                   List<FileSplit> restored) {
        this.context = context;
        this.discovery = discovery;
        this.intervalMillis = intervalMillis;
        this.clock = FileSource.clock(context.configuration());
        this.listAtStart = restored == null || intervalMillis > 0;
        if (restored != null) {
            for (FileSplit split : restored) {
                switch (split) {
                    case FileBlock block -> {
                        pending.add(block);
                        discovered.add(block.path());
                    }
                    case DiscoveredFiles files -> discovered.addAll(files.paths());
                }
            }
        }
    }

    @Override
    public void start() {
        if (listAtStart) {
            list();
        }
    }

    private void list() {
        pending.addAll(discovery.discover(discovered));
        nextListing = clock.currentTimeMillis() + intervalMillis;
    }

    @Override
    public void handleSplitRequest(int subtask) {
        if (intervalMillis > 0 && clock.currentTimeMillis() >= nextListing) {
            list();
        }
        waiting.add(subtask);
        assignWaiting();
    }

    private void assignWaiting() {
        var readers = waiting.iterator();
        while (readers.hasNext()) {
            int reader = readers.next();
            FileBlock block = pending.poll();
            if (block != null) {
                context.assignSplit(block, reader);
            } else if (intervalMillis == 0) {
                context.signalNoMoreSplits(reader);
            } else {
                return;
            }
            readers.remove();
        }
    }

    @Override
    public void addSplitsBack(List<FileSplit> splits, int subtask) {
        for (FileSplit split : splits) {
            if (split instanceof FileBlock block) {
                pending.add(block);
            }
        }
        assignWaiting();
    }

    @Override
    public List<FileSplit> snapshotState(long checkpointId) {
        List<FileSplit> state = new ArrayList<>(pending);
        if (intervalMillis > 0) {
            state.add(new DiscoveredFiles(new ArrayList<>(discovered)));
        }
        return state;
    }
}
