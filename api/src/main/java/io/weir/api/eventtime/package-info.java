/**
 * Event time: timestamps and watermarks, with Apache Flink's semantics (a watermark {@code t} says no
 * more records with timestamp {@code <= t} are expected).
 */
@Stable
package io.weir.api.eventtime;

import io.weir.api.annotation.Stable;
