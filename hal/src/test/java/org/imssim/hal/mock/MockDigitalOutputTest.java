package org.imssim.hal.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MockDigitalOutputTest {

    private final MockDigitalOutput relay = new MockDigitalOutput(false);
    private final List<Boolean> readBacks = new ArrayList<>();

    @Test
    void contactFollowsTheCoil() {
        relay.onReadBackChange(readBacks::add);

        relay.set(true);

        assertThat(relay.commanded()).isTrue();
        assertThat(relay.readBack()).isTrue();
        assertThat(readBacks).containsExactly(true);
    }

    @Test
    void sameCommandTwiceFiresOnce() {
        relay.onReadBackChange(readBacks::add);

        relay.set(true);
        relay.set(true);

        assertThat(readBacks).containsExactly(true);
        assertThat(relay.setCount()).isEqualTo(2);
    }

    @Test
    void stuckRelayKeepsItsReadBackWhateverIsCommanded() {
        relay.set(true);
        relay.onReadBackChange(readBacks::add);

        relay.stick();
        relay.set(false);
        relay.set(true);
        relay.set(false);

        assertThat(relay.isStuck()).isTrue();
        assertThat(relay.commanded()).isFalse();
        assertThat(relay.readBack()).isTrue();
        assertThat(readBacks).isEmpty();
    }

    @Test
    void freedRelayMovesToTheCommandedState() {
        relay.stick();
        relay.set(true);
        relay.onReadBackChange(readBacks::add);

        relay.free();

        assertThat(relay.readBack()).isTrue();
        assertThat(readBacks).containsExactly(true);
    }

    @Test
    void freeingARelayThatAgreesFiresNothing() {
        relay.stick();
        relay.onReadBackChange(readBacks::add);

        relay.free();

        assertThat(readBacks).isEmpty();
    }

    @Test
    void closeLeavesTheContactAsItIs() {
        relay.set(true);

        relay.close();

        assertThat(relay.isClosed()).isTrue();
        assertThat(relay.readBack()).isTrue();
    }
}
