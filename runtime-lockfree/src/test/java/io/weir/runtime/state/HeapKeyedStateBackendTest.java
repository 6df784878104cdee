package io.weir.runtime.state;

/** Runs the state-backend contract suite against the {@code heap} backend (found through ServiceLoader). */
class HeapKeyedStateBackendTest extends KeyedStateBackendContractTest {

    @Override
    protected String backendName() {
        return "heap";
    }
}
