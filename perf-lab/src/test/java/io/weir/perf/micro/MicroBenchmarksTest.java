package io.weir.perf.micro;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Smoke tests of the micro-benchmarks: each benchmark and its JDK baseline do the same work (no timing). */
class MicroBenchmarksTest {

    @Test
    void codecRoundTripsReturnTheValueInEveryVariant() throws Exception {
        CodecBenchmark codecs = new CodecBenchmark();
        codecs.setUp();
        assertThat(codecs.recordWeir()).isEqualTo(CodecBenchmark.BID);
        assertThat(codecs.recordDataStream()).isEqualTo(CodecBenchmark.BID);
        assertThat(codecs.recordJavaSerialization()).isEqualTo(CodecBenchmark.BID);
        for (String kind : new String[] {"ascii", "non-ascii"}) {
            CodecBenchmark.Text text = new CodecBenchmark.Text();
            text.text = kind;
            text.setUp();
            assertThat(codecs.stringWeir(text)).isEqualTo(text.value);
            assertThat(codecs.stringJdk(text)).isEqualTo(text.value);
        }
    }

    @Test
    void windowOperatorAndHashMapBaselineEmitTheSameCounts() {
        WindowAggregationBenchmark weir = window();
        WindowAggregationBenchmark jdk = window();
        try {
            for (int i = 0; i < 40_000; i++) {
                weir.weir();
                jdk.jdkHashMap();
            }
            assertThat(weir.emitted()).as("three 10 s windows of 1,000 keys fired").isGreaterThan(2_000)
                    .isEqualTo(jdk.emitted());
        } finally {
            weir.tearDown();
            jdk.tearDown();
        }
    }

    @Test
    void timerServiceAndPriorityQueueBaselineFireTheSameTimers() throws Exception {
        TimerServiceBenchmark benchmark = timers();
        TimerServiceBenchmark baseline = timers();
        TimerServiceBenchmark.Service service = new TimerServiceBenchmark.Service();
        service.backend = "heap";
        service.setUp();
        try {
            for (int i = 0; i < 3; i++) {
                benchmark.weir(service);
                baseline.jdkPriorityQueue();
            }
            assertThat(service.fired).as("de-duplicated timers").isPositive()
                    .isLessThan(3L * TimerServiceBenchmark.BATCH).isEqualTo(baseline.fired());
        } finally {
            service.tearDown();
        }
    }

    private static WindowAggregationBenchmark window() {
        WindowAggregationBenchmark benchmark = new WindowAggregationBenchmark();
        benchmark.keys = 1_000;
        benchmark.perMs = 1;
        benchmark.setUp();
        return benchmark;
    }

    private static TimerServiceBenchmark timers() {
        TimerServiceBenchmark benchmark = new TimerServiceBenchmark();
        benchmark.keys = 10_000;
        benchmark.setUp();
        return benchmark;
    }
}
