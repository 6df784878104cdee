/** Window benchmarks: keyed tumbling and sliding event-time windows over many keys, records/s and state heap. */
package io.weir.perf.windows;
