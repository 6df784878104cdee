/** Rule fixtures posing as API types: each breaks (or carefully keeps) one architecture rule. The package annotation must not count. */
@Stable
package io.weir.api.archfixture;

import io.weir.api.annotation.Stable;
