package org.imssim.devices.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.imssim.devices.sensor.Reading;
import org.imssim.devices.sensor.SensorType;
import org.imssim.devices.sensor.TemperatureUnit;
import org.imssim.hal.mock.MockAnalogInput;
import org.imssim.hal.mock.MockDigitalInput;
import org.junit.jupiter.api.Test;

class HostAndNodeTest {

    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-11-29T15:00:00Z"));

    @Test
    void hostAlwaysHasItsFixedChannels() {
        Host host = Host.builder().clock(CLOCK).build();

        assertThat(host.inputs()).extracting(Input::channel).containsExactly(9, 10, 11);
        assertThat(host.battery().type()).isEqualTo(SensorType.BATTERY);
        assertThat(host.acPower().type()).isEqualTo(SensorType.AC_POWER);
        assertThat(host.sound().type()).isEqualTo(SensorType.SOUND);
        assertThat(host.inputs()).extracting(Input::name).containsExactly("Battery", "AC Power", "High Sound");
        assertThat(host.inputs()).extracting(i -> i.reading().orElseThrow().text())
                .containsExactly("ok", "ok", "40.0 dB");
        assertThat(host.input(1)).isEmpty();
        assertThat(host.id()).isEqualTo(UnitId.host());
        assertThat(host.displayName()).isEqualTo("Host");
    }

    @Test
    void hostInputsAreKeptInChannelOrderWithDefaultNames() {
        Host host = Host.builder().clock(CLOCK).temperatureUnit(TemperatureUnit.F)
                .input(Input.builder(4, SensorType.CURRENT, new MockAnalogInput(CLOCK, "current", 0)))
                .input(Input.builder(1, SensorType.TEMPERATURE, new MockAnalogInput(CLOCK, "temperature", 72))
                        .name("Room Temp"))
                .build();

        assertThat(host.inputs()).extracting(Input::channel).containsExactly(1, 4, 9, 10, 11);
        assertThat(host.input(4).orElseThrow().name()).isEqualTo("Input 4");
        assertThat(host.input(1).orElseThrow().reading().orElseThrow().text()).isEqualTo("72.0 F");
        assertThat(host.temperatureUnit()).isEqualTo(TemperatureUnit.F);
    }

    @Test
    void fixedChannelMayBeGivenToRenameIt() {
        Host host = Host.builder().clock(CLOCK)
                .input(Input.builder(10, SensorType.AC_POWER, new MockDigitalInput("ac-power", true)).name("Mains"))
                .build();

        assertThat(host.acPower().name()).isEqualTo("Mains");
    }

    @Test
    void hostPowerFailIsReportedToAUnitWideListener() {
        Host host = Host.builder().clock(CLOCK).build();
        List<InputChange> changes = new ArrayList<>();
        host.onInputChange(changes::add);

        ((MockDigitalInput) host.acPower().halChannel()).mockLevel(SensorType.AC_POWER.levelForWord("fail"));

        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.input().address()).hasToString("host/10");
            assertThat(c.current().reading()).hasValue(Reading.binary("fail"));
        });
    }

    @Test
    void hostRefusesBadChannels() {
        MockDigitalInput contact = new MockDigitalInput("water", false);
        assertThatThrownBy(() -> Host.builder().clock(CLOCK)
                .input(Input.builder(3, SensorType.WATER, contact))
                .input(Input.builder(3, SensorType.WATER, new MockDigitalInput("water", false)))
                .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Input host/3 is given twice.");
        assertThatThrownBy(() -> Host.builder().clock(CLOCK)
                .input(Input.builder(9, SensorType.NODE_POWER, contact)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Input host/9 carries battery, not node-power.");
        assertThatThrownBy(() -> Host.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("A Host needs a clock.");
    }

    @Test
    void inputsAlreadyBuiltAreClosedWhenALaterOneIsRefused() {
        MockDigitalInput good = new MockDigitalInput("water", false);
        assertThatThrownBy(() -> Host.builder().clock(CLOCK)
                .input(Input.builder(1, SensorType.WATER, good))
                .input(Input.builder(2, SensorType.SOUND, new MockAnalogInput(CLOCK, "sound", 40)))
                .build())
                .hasMessage("A sound input exists only on host/11, not on host/2.");
        assertThat(good.isClosed()).isTrue();
    }

    @Test
    void nodeAlwaysHasNodePower() {
        Node node = Node.builder(3).name("Row B").build();

        assertThat(node.inputs()).singleElement().satisfies(i -> {
            assertThat(i.address()).hasToString("node-3/9");
            assertThat(i.type()).isEqualTo(SensorType.NODE_POWER);
            assertThat(i.name()).isEqualTo("Node Power");
            assertThat(i.reading()).hasValue(Reading.binary("ok"));
        });
        assertThat(node.nodePower()).isSameAs(node.input(9).orElseThrow());
        assertThat(node.id()).isEqualTo(UnitId.node(3));
        assertThat(node.number()).isEqualTo(3);
    }

    @Test
    void nodeDisplayNameHasItsNameWhenItHasOne() {
        assertThat(Node.builder(3).name("Row B").build().displayName()).isEqualTo("Node 3 Row B");
        assertThat(Node.builder(3).build().displayName()).isEqualTo("Node 3");
        assertThat(Node.builder(3).name(" ").build().name()).isEmpty();
    }

    @Test
    void nodeInputsLiveOnChannelsOneToNine() {
        Node node = Node.builder(2)
                .input(Input.builder(4, SensorType.WATER, new MockDigitalInput("water", false)).name("Leak"))
                .build();

        assertThat(node.input(4).orElseThrow().address()).hasToString("node-2/4");
        assertThatThrownBy(() -> Node.builder(2)
                .input(Input.builder(10, SensorType.WATER, new MockDigitalInput("water", false))).build())
                .hasMessage("Node 2 has channels 1 to 9, not 10.");
    }

    @Test
    void nodeNumbersAreTwoToThirtyTwo() {
        assertThatThrownBy(() -> Node.builder(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A Node number must be 2 to 32, not 1.");
        assertThatThrownBy(() -> Node.builder(33)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Node.builder(32).build().id()).hasToString("node-32");
    }

    @Test
    void closingAUnitClosesItsChannels() {
        MockDigitalInput contact = new MockDigitalInput("water", false);
        Node node = Node.builder(2).input(Input.builder(1, SensorType.WATER, contact)).build();

        node.close();

        assertThat(contact.isClosed()).isTrue();
        assertThat(((MockDigitalInput) node.nodePower().halChannel()).isClosed()).isTrue();
    }
}
