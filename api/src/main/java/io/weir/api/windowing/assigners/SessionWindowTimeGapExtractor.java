package io.weir.api.windowing.assigners;

import io.weir.api.annotation.Evolving;

/**
 * Gives the session gap of each record, for session windows with a dynamic gap. Must be deterministic
 * and return a positive number of milliseconds; anything else fails the job.
 *
 * @param <T> record type
 */
@Evolving
@FunctionalInterface
public interface SessionWindowTimeGapExtractor<T> {

    /** The session gap after {@code element}, in milliseconds (positive). */
    long extract(T element);
}
