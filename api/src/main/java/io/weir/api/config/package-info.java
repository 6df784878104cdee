/** Typed, string-keyed configuration for jobs, the runtime and plugins. */
@Stable
package io.weir.api.config;

import io.weir.api.annotation.Stable;
