package io.weir.api.config;

import io.weir.api.annotation.Stable;

/** How records cross from one task to another. Both modes give identical results. */
@Stable
public enum ExchangeMode {
    /** Records are handed over as Java objects through lock-free single-producer single-consumer queues. */
    OBJECT,
    /** Records are encoded by their codec into pooled off-heap buffers passed through ring buffers. */
    SERIALIZED
}
