package org.imssim.devices.powergate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.imssim.devices.unit.UnitId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PowerGateSetupTest {

    @Test
    void defaults() {
        PowerGateSetup setup = PowerGateSetup.of(1, null, 3);

        assertThat(setup.name()).isEmpty();
        assertThat(setup.displayName()).isEqualTo("PowerGate 1");
        assertThat(setup.unit()).isEqualTo(UnitId.host());
        assertThat(setup.onShutdown()).isEqualTo(ShutdownPolicy.KEEP);
        assertThat(setup.outletNames()).containsExactly("Outlet 1", "Outlet 2", "Outlet 3");
    }

    @Test
    void blankOutletNamesTakeTheDefault() {
        PowerGateSetup setup = PowerGateSetup.of(2, "Rack B", 3).withOutletNames(Arrays.asList("Router", " ", null))
                .withUnit(UnitId.node(5));

        assertThat(setup.outletNames()).containsExactly("Router", "Outlet 2", "Outlet 3");
        assertThat(setup.outletName(1)).isEqualTo("Router");
        assertThat(setup.unit()).isEqualTo(UnitId.node(5));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 8})
    void outletCountsFromOneToEightAreAccepted(int outlets) {
        assertThat(PowerGateSetup.of(1, "x", outlets).outlets()).isEqualTo(outlets);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 9, -1})
    void otherOutletCountsAreRefused(int outlets) {
        assertThatThrownBy(() -> PowerGateSetup.of(1, "x", outlets))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A PowerGate has 1 to 8 outlets, not " + outlets + ".");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 17})
    void powerGateNumbersAreOneToSixteen(int number) {
        assertThatThrownBy(() -> PowerGateSetup.of(number, "x", 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A PowerGate number must be 1 to 16, not " + number + ".");
        assertThat(PowerGateSetup.of(16, "x", 4).number()).isEqualTo(16);
    }

    @Test
    void outletNamesMustMatchTheOutletCount() {
        assertThatThrownBy(() -> PowerGateSetup.of(1, "Rack A", 4).withOutletNames(List.of("a", "b", "c")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PowerGate 1 has 4 outlets, so it needs 4 outlet names, not 3.");
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "LAST, ON, ON", "LAST, OFF, OFF", "LAST, CYCLING, ON", "LAST, -, ON", "LAST, UNKNOWN, ON",
            "ON, OFF, ON", "OFF, ON, OFF"})
    void powerUpPolicy(PowerUpPolicy policy, OutletState stored, OutletAction action) {
        assertThat(policy.actionAtPowerUp(Optional.ofNullable(stored))).isEqualTo(action);
    }

    @Test
    void shutdownPolicy() {
        assertThat(ShutdownPolicy.KEEP.actionAtShutdown()).isEmpty();
        assertThat(ShutdownPolicy.OFF.actionAtShutdown()).hasValue(OutletAction.OFF);
        assertThat(ShutdownPolicy.ON.actionAtShutdown()).hasValue(OutletAction.ON);
    }
}
