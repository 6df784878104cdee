package io.weir.runtime.element;

/** The producer of this channel will send nothing more. */
public enum EndOfInput implements ControlEvent {
    INSTANCE
}
