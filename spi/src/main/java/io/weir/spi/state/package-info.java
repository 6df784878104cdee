/**
 * The state-backend SPI: where keyed state and timers live. A {@link io.weir.spi.state.StateBackendFactory}
 * (found by {@link java.util.ServiceLoader}, chosen by name with {@code state.backend}) creates a
 * {@link io.weir.spi.state.StateBackend}, which creates one {@link io.weir.spi.state.KeyedStateBackend} per
 * keyed operator subtask. Its stores are addressed by (current key, namespace) and organised by key group.
 */
@Evolving
package io.weir.spi.state;

import io.weir.api.annotation.Evolving;
