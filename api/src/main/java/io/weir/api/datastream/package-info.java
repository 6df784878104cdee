/** The fluent DataStream API: transformations, keyed streams, partitioning, side outputs. */
@Stable
package io.weir.api.datastream;

import io.weir.api.annotation.Stable;
