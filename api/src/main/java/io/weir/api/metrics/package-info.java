/** Snapshots of a job's metrics: per operator, per channel, per worker thread. */
@Stable
package io.weir.api.metrics;

import io.weir.api.annotation.Stable;
