/**
 * The scheduler SPI: how tasklets (non-blocking units of work) are mapped to threads. Built-in
 * schedulers ({@code dedicated}, {@code cooperative}) live in the runtime; a plugin adds its own by
 * implementing {@link io.weir.spi.scheduler.SchedulerFactory} and listing it in
 * {@code META-INF/services/io.weir.spi.scheduler.SchedulerFactory}.
 */
@Evolving
package io.weir.spi.scheduler;

import io.weir.api.annotation.Evolving;
