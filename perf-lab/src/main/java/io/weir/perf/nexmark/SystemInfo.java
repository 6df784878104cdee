package io.weir.perf.nexmark;

import io.weir.perf.report.RunSummary;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/** The machine, the JVM, process CPU time, GC totals and the load average, for run summaries. */
final class SystemInfo {
    private SystemInfo() {
    }

    static RunSummary.Machine machine() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        long memory = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : -1;
        return new RunSummary.Machine(Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                memory);
    }

    static RunSummary.Jvm jvm() {
        return new RunSummary.Jvm(System.getProperty("java.version"), System.getProperty("java.vendor"),
                ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    /** CPU time of the whole process so far, nanoseconds, or -1 if the JVM cannot tell. */
    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean sun
                ? sun.getProcessCpuTime() : -1;
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Collections so far, over all collectors. */
    static long gcCount() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionCount());
        }
        return total;
    }

    /** Milliseconds spent collecting so far, over all collectors. */
    static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }
}
