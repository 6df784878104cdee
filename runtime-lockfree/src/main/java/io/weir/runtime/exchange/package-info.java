/**
 * Bounded single-producer single-consumer channels that carry records and control events between
 * tasks, in batches: object hand-off ({@code SpscObjectChannel}) and serialized hand-off into pooled
 * off-heap buffers ({@code SpscSerializedChannel}); create them with {@link io.weir.runtime.exchange.Channels}.
 *
 * <h2>Conventions for the lock-free code in this package</h2>
 * <ul>
 *   <li>Names state cardinality: {@code Spsc...} means exactly one producer thread and exactly one
 *       consumer thread, for the lifetime of the structure.</li>
 *   <li>A plain field belongs to one thread (the producer or the consumer) and is never read by the
 *       other. Memory that crosses threads (batch arrays, off-heap buffers) is handed over only
 *       through a JCTools or Agrona SPSC structure, whose {@code offer}/{@code tryClaim+commit} is a
 *       release store and whose {@code poll}/{@code read} is an acquire load: everything written
 *       before the hand-off is visible after it, and the sender does not touch the memory again
 *       until it comes back through the matching return queue.</li>
 *   <li>A field that another thread reads (the progress counters behind {@code Channel.size()}, the
 *       buffer registry) is accessed only through a {@link java.lang.invoke.VarHandle}, and the
 *       method named at each access says its ordering: {@code setRelease} by the single writer,
 *       {@code getAcquire} by readers. Helper methods carry the same suffix
 *       ({@code ...Release}/{@code ...Acquire}).</li>
 *   <li>No locks, no {@code synchronized}, no blocking: a full channel answers "no capacity" and
 *       the producer's task returns to its scheduler.</li>
 * </ul>
 */
package io.weir.runtime.exchange;
