package io.weir.api.archfixture;

import io.weir.api.annotation.Experimental;
import io.weir.api.annotation.Internal;

/** Breaks rule (d): two stability annotations. */
@Experimental
@Internal
public interface TwiceMarked {
}
