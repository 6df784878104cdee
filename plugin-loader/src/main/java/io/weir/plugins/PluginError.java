package io.weir.plugins;

/**
 * Why a plugin, or one class-path factory, was not loaded. Other plugins load regardless.
 *
 * @param origin  the plugin folder, or {@code "class path"}
 * @param message what was wrong, in words
 * @param cause   the underlying exception, or {@code null}
 */
public record PluginError(String origin, String message, Throwable cause) {
    @Override
    public String toString() {
        return origin + ": " + message;
    }
}
