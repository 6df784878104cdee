/** The entry points of a Weir job: {@link io.weir.api.StreamEnvironment} and the {@link io.weir.api.JobClient}. */
@Stable
package io.weir.api;

import io.weir.api.annotation.Stable;
