package io.weir.connectors.files;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PartNameTest {

    @Test
    void shouldHideTheStagingNameBehindADotAndASuffix() {
        PartName name = new PartName(2, 17, 5);

        assertThat(name.finalName()).isEqualTo("part-2-17-5");
        assertThat(name.stagingName()).isEqualTo(".part-2-17-5.inprogress");
    }

    @Test
    void shouldParseFinalAndStagingNames() {
        assertThat(PartName.parse("part-2-17-5")).contains(new PartName.Parsed(new PartName(2, 17, 5), false));
        assertThat(PartName.parse(".part-2-17-5.inprogress"))
                .contains(new PartName.Parsed(new PartName(2, 17, 5), true));
    }

    @Test
    void shouldIgnoreFilesThatAreNotPartFiles() {
        assertThat(PartName.parse("part-2-17-5.inprogress")).isEmpty();
        assertThat(PartName.parse(".part-2-17-5")).isEmpty();
        assertThat(PartName.parse("part-2-17")).isEmpty();
        assertThat(PartName.parse("part-x-1-2")).isEmpty();
        assertThat(PartName.parse("_SUCCESS")).isEmpty();
        assertThat(PartName.parse("part-99999999999-1-2")).isEmpty();
    }
}
