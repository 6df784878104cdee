/**
 * The logical plan a job author builds through {@code DataStream}: transformations and their settings.
 * Internal: the runtime reads it; job authors never touch it.
 */
@Internal
package io.weir.api.graph;

import io.weir.api.annotation.Internal;
