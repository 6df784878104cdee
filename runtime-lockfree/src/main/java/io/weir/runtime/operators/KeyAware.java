package io.weir.runtime.operators;

/**
 * Marks a keyed operator that extracts each record's key and sets the current key itself (keyed
 * reduce, keyed process, windows, joins); other operators on a keyed stream get the key set for them.
 */
public interface KeyAware {
}
