package io.weir.perf.runner;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BenchmarkMainTest {

    @Test
    void shouldReadTheParentPomsJvmFlagsFilteredIntoTheResource() throws Exception {
        assertThat(BenchmarkMain.jvmFlags())
                .contains("--enable-native-access=ALL-UNNAMED")
                .contains("--add-opens=java.base/java.nio=ALL-UNNAMED")
                .doesNotContain("${");
    }

    @Test
    void shouldPrependTheFlagsToJmhsOwnArguments() {
        assertThat(BenchmarkMain.withJvmFlags(new String[] {"ChannelHandOff", "-f", "1"}, "--a --b"))
                .containsExactly("-jvmArgsPrepend", "--a --b", "ChannelHandOff", "-f", "1");
        assertThat(BenchmarkMain.withJvmFlags(new String[] {"-l"}, " ")).containsExactly("-l");
    }
}
