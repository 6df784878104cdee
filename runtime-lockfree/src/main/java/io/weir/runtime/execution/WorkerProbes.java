package io.weir.runtime.execution;

import io.weir.api.metrics.WorkerMetrics;
import io.weir.spi.scheduler.WorkerProbe;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The worker probes of one job run: written by scheduler threads, read for metrics. */
final class WorkerProbes {
    private final List<Probe> probes = new CopyOnWriteArrayList<>();

    WorkerProbe register(String name) {
        Probe p = new Probe(name);
        probes.add(p);
        return p;
    }

    List<WorkerMetrics> snapshot() {
        return probes.stream().map(p -> new WorkerMetrics(p.name, p.busy, p.idle)).toList();
    }

    /** Single writer (its worker thread); volatile so that readers see recent totals. */
    private static final class Probe implements WorkerProbe {
        private final String name;
        private volatile long busy;
        private volatile long idle;

        Probe(String name) {
            this.name = name;
        }

        @Override
        @SuppressWarnings("NonAtomicOperationOnVolatileField")
        public void busy(long nanos) {
            busy += nanos;
        }

        @Override
        @SuppressWarnings("NonAtomicOperationOnVolatileField")
        public void idle(long nanos) {
            idle += nanos;
        }
    }
}
