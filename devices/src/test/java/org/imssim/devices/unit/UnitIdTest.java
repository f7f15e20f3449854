package org.imssim.devices.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.imssim.devices.sensor.SensorType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnitIdTest {

    @Test
    void hostIsUnitOne() {
        assertThat(UnitId.parse("host")).isEqualTo(UnitId.host());
        assertThat(UnitId.host().number()).isEqualTo(1);
        assertThat(UnitId.host()).hasToString("host");
        assertThat(UnitId.host().isHost()).isTrue();
    }

    @Test
    void nodesAreNodeTwoToThirtyTwo() {
        assertThat(UnitId.parse("node-3")).isEqualTo(UnitId.node(3));
        assertThat(UnitId.node(32).id()).isEqualTo("node-32");
    }

    @ParameterizedTest
    @ValueSource(strings = {"node-1", "node-33", "node-02", "Host", "node-", "node-x", ""})
    void otherIdsAreNoUnit(String id) {
        assertThatThrownBy(() -> UnitId.parse(id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("There is no unit " + id + ": units are host and node-2 to node-32.");
    }

    @Test
    void addressesParseAndPrint() {
        InputAddress address = InputAddress.parse("node-3/1");

        assertThat(address.unit()).isEqualTo(UnitId.node(3));
        assertThat(address.channel()).isEqualTo(1);
        assertThat(address).hasToString("node-3/1");
        assertThat(InputAddress.parse("host/10").fixedType()).hasValue(SensorType.AC_POWER);
        assertThat(InputAddress.parse("node-3/9").fixedType()).hasValue(SensorType.NODE_POWER);
        assertThat(InputAddress.parse("host/1").fixedType()).isEmpty();
        assertThat(InputAddress.parse("host/2")).isLessThan(InputAddress.parse("host/10"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"host", "host/", "host/x", "host/01", "host/0"})
    void malformedAddressesAreRefused(String text) {
        assertThatThrownBy(() -> InputAddress.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("An input address is <unit>/<channel>, such as host/10, not " + text + ".");
    }

    @Test
    void addressesOutsideTheUnitsChannelsAreRefused() {
        assertThatThrownBy(() -> InputAddress.parse("host/12")).hasMessage("The Host has channels 1 to 11, not 12.");
        assertThatThrownBy(() -> InputAddress.parse("node-1/1"))
                .hasMessage("There is no unit node-1: units are host and node-2 to node-32.");
    }
}
