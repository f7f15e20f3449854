package org.imssim.firmware.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutletStatesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void commandedStatesRoundTripAcrossAReopenTheLastOneWinning() {
        try (Store store = Store.open(dir)) {
            OutletStates outlets = store.outletStates();
            assertThat(outlets.load()).isEmpty();
            outlets.store(2, 1, "ON", T0);
            outlets.store(1, 4, "CYCLING", T0);
            outlets.store(1, 2, "ON", T0);
            outlets.store(1, 2, "OFF", T0.plusSeconds(3));
        }
        try (Store store = Store.open(dir)) {
            assertThat(store.outletStates().load()).containsExactly(
                    entry(1, 2, "OFF", T0.plusSeconds(3)),
                    entry(1, 4, "CYCLING", T0),
                    entry(2, 1, "ON", T0));
        }
    }

    private static java.util.Map.Entry<OutletAddress, CommandedState> entry(int powergate, int outlet, String state,
                                                                            Instant since) {
        return java.util.Map.entry(new OutletAddress(powergate, outlet), new CommandedState(state, since));
    }
}
