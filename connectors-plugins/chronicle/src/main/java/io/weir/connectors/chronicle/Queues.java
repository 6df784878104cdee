package io.weir.connectors.chronicle;

import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Opens Chronicle queues for the connector.
 *
 * <p>Chronicle reports usage statistics over the network and prints a banner unless told not to; the parent
 * POM's {@code weir.jvm.flags} turn both off ({@code -Dchronicle.analytics.disable=true
 * -Dchronicle.announcer.disable=true}), and so does this class, before the first queue is opened, when the JVM
 * was started without those properties: a connector must not phone home. The public entry classes
 * ({@link ChronicleSink}, {@link ChronicleSource}, {@link ChronicleOptions}, {@link ChronicleRecords}) call
 * {@link #init()} first thing.
 *
 * <h2>Thread safety</h2>
 * Stateless; thread-safe.
 */
final class Queues {
    static {
        System.getProperties().putIfAbsent("chronicle.analytics.disable", "true");
        System.getProperties().putIfAbsent("chronicle.announcer.disable", "true");
    }

    private Queues() {
    }

    /**
     * Does nothing but make sure the properties above are set: the public entry classes call it in their static
     * initializers, before they touch any Chronicle class.
     */
    static void init() {
    }

    /**
     * Opens (creating it when missing) the queue in {@code directory} for writing and reading.
     *
     * @param rollCycle  the roll cycle of a new queue; an existing queue keeps its own; {@code null}: Chronicle's default
     * @param customizer a last change to the builder (tests set a time provider); identity when not needed
     */
    static SingleChronicleQueue open(Path directory, RollCycle rollCycle, UnaryOperator<SingleChronicleQueueBuilder> customizer) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the queue directory " + directory, e);
        }
        SingleChronicleQueueBuilder builder = SingleChronicleQueueBuilder.binary(directory);
        if (rollCycle != null) {
            builder.rollCycle(rollCycle);
        }
        return customizer.apply(builder).build();
    }

    /** Opens an existing queue, or throws naming {@code directory} and {@code what} needs it. */
    static SingleChronicleQueue openExisting(Path directory, String what) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(what + ": the queue directory " + directory + " does not exist");
        }
        return open(directory, null, UnaryOperator.identity());
    }
}
