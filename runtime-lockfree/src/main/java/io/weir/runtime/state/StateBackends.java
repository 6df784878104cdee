package io.weir.runtime.state;

import io.weir.api.config.StateOptions;
import io.weir.spi.state.StateBackendFactory;

import java.util.List;
import java.util.ServiceLoader;

/** Finds {@link StateBackendFactory}s through {@link ServiceLoader}, by name. */
public final class StateBackends {
    private StateBackends() {
    }

    /**
     * The factory named {@code name}.
     *
     * @throws IllegalArgumentException if there is none; the message lists the names available
     */
    public static StateBackendFactory find(String name) {
        List<StateBackendFactory> all = all();
        for (StateBackendFactory f : all) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("option '" + StateOptions.STATE_BACKEND.key() + "': no state backend named '"
                + name + "'; available: " + all.stream().map(StateBackendFactory::name).sorted().toList());
    }

    /** Every factory on the class path. */
    public static List<StateBackendFactory> all() {
        return ServiceLoader.load(StateBackendFactory.class).stream().map(ServiceLoader.Provider::get).toList();
    }
}
