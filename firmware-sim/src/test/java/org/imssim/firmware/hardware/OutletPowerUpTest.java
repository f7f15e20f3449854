package org.imssim.firmware.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.imssim.devices.powergate.OutletAction;
import org.imssim.firmware.config.ImsConfig;
import org.imssim.firmware.store.OutletAddress;
import org.imssim.firmware.store.Store;
import org.imssim.firmware.testing.UnitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutletPowerUpTest {

    private static final Instant NOW = Instant.parse("2026-11-29T15:00:00Z");

    @TempDir
    Path dir;

    private final ImsConfig config = UnitFixture.load("""
            unit: {name: Lab}
            powergates:
              - number: 1
                outlets: 4
                power-up: last
                outlet-settings: [{outlet: 3, power-up: off}, {outlet: 4, power-up: on}]
            """, Map.of());

    @Test
    void lastRestoresTheStoredStateAndOnWithoutOneOrAfterACycle() {
        try (Store store = Store.open(dir)) {
            store.outletStates().store(1, 1, "OFF", NOW);
            store.outletStates().store(1, 2, "CYCLING", NOW);
            store.outletStates().store(1, 4, "OFF", NOW);
            Map<OutletAddress, OutletAction> actions = OutletPowerUp.decideAndStore(config, List.of(1), store, NOW);
            assertThat(actions).containsExactly(
                    Map.entry(new OutletAddress(1, 1), OutletAction.OFF),
                    Map.entry(new OutletAddress(1, 2), OutletAction.ON),
                    Map.entry(new OutletAddress(1, 3), OutletAction.OFF),
                    Map.entry(new OutletAddress(1, 4), OutletAction.ON));
            assertThat(store.outletStates().load().get(new OutletAddress(1, 2)).state()).isEqualTo("ON");
        }
    }

    @Test
    void aUnitStartsWithItsOutletsInTheirPowerUpState() {
        try (UnitFixture unit = UnitFixture.start("""
                unit: {name: Lab}
                powergates: [{number: 1, outlets: 2, outlet-settings: [{outlet: 2, power-up: off}]}]
                """)) {
            List<String> states = unit.onLoop(() -> unit.unit().hardware().powergates().get(1).outlets().stream()
                    .map(o -> o.state().name()).toList());
            assertThat(states).containsExactly("ON", "OFF");
        }
    }
}
