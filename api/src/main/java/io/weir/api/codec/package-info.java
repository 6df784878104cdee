/** Record serialization: {@link io.weir.api.codec.Codec}, the registry that derives codecs, heap inputs/outputs. */
@Stable
package io.weir.api.codec;

import io.weir.api.annotation.Stable;
