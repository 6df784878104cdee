package io.weir.api.functions;

import io.weir.api.annotation.Stable;

/** Which clock a timer belongs to. */
@Stable
public enum TimeDomain {
    /** Fires when the watermark reaches the timer's timestamp. */
    EVENT_TIME,
    /** Fires when the job's processing-time clock reaches the timer's timestamp. */
    PROCESSING_TIME
}
