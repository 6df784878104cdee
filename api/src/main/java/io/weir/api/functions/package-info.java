/** The function interfaces a job author implements: map, filter, flatMap, key selectors, reduce, process. */
@Stable
package io.weir.api.functions;

import io.weir.api.annotation.Stable;
