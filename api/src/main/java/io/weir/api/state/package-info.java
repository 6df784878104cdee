/** Keyed state a job author declares with descriptors: value, list, map, reducing and aggregating state, with optional TTL. */
@Stable
package io.weir.api.state;

import io.weir.api.annotation.Stable;
