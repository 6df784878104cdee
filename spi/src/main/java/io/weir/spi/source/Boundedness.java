package io.weir.spi.source;

import io.weir.api.annotation.Evolving;

/** Whether a source ends. */
@Evolving
public enum Boundedness {
    /** The source ends: its readers eventually return {@link ReadStatus#END_OF_INPUT}. */
    BOUNDED,
    /** The source runs until the job is cancelled. */
    CONTINUOUS_UNBOUNDED
}
