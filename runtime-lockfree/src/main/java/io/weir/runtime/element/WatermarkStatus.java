package io.weir.runtime.element;

/** An input became idle (it stops holding back the watermark) or active again. */
public enum WatermarkStatus implements ControlEvent {
    IDLE, ACTIVE
}
