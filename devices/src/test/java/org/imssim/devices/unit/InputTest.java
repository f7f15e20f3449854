package org.imssim.devices.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.imssim.devices.sensor.Reading;
import org.imssim.devices.sensor.SensorType;
import org.imssim.devices.sensor.TemperatureUnit;
import org.imssim.hal.mock.MockAnalogInput;
import org.imssim.hal.mock.MockDigitalInput;
import org.junit.jupiter.api.Test;

class InputTest {

    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-11-29T15:00:00Z"));
    private static final Executor DIRECT = Runnable::run;

    private final List<InputChange> changes = new ArrayList<>();

    private static Input temperature(MockAnalogInput probe, double calibration) {
        return Input.builder(1, SensorType.TEMPERATURE, probe).name("Room Temp").calibration(calibration)
                .build(UnitId.host(), TemperatureUnit.F, DIRECT);
    }

    @Test
    void analogInputReadsInItsUnit() {
        Input input = temperature(new MockAnalogInput(CLOCK, "temperature", 72), 0);

        assertThat(input.address()).hasToString("host/1");
        assertThat(input.name()).isEqualTo("Room Temp");
        assertThat(input.presence()).isEqualTo(Presence.CONNECTED);
        assertThat(input.reading()).hasValue(Reading.analog(72, "F"));
        assertThat(input.reading().orElseThrow().text()).isEqualTo("72.0 F");
        assertThat(input.readingUnit()).hasValue("F");
    }

    @Test
    void calibrationIsAddedToTheReading() {
        MockAnalogInput probe = new MockAnalogInput(CLOCK, "temperature", 72);
        Input input = temperature(probe, -1.5);

        assertThat(input.reading().orElseThrow().text()).isEqualTo("70.5 F");
        probe.mockValue(85.1);
        assertThat(input.reading().orElseThrow().text()).isEqualTo("83.6 F");
        assertThat(input.calibration()).isEqualTo(-1.5);
    }

    @Test
    void calibratedReadingIsRoundedToATenthSoLimitsCompareExactly() {
        Input input = Input.builder(2, SensorType.HUMIDITY, new MockAnalogInput(CLOCK, "humidity", 59.9))
                .calibration(0.1).build(UnitId.host(), TemperatureUnit.C, DIRECT);

        assertThat(((Reading.Analog) input.reading().orElseThrow()).value()).isEqualTo(60.0);
    }

    @Test
    void rawConversionMapsTheChannelsUnits() {
        Input input = Input.builder(3, SensorType.TEMPERATURE, new MockAnalogInput(CLOCK, "", 22.5))
                .rawConversion(TemperatureUnit.F::fromCelsius).build(UnitId.host(), TemperatureUnit.F, DIRECT);

        assertThat(input.reading().orElseThrow().text()).isEqualTo("72.5 F");
    }

    @Test
    void readingChangesAreReportedOnce() {
        MockAnalogInput probe = new MockAnalogInput(CLOCK, "temperature", 72);
        Input input = temperature(probe, 0);
        input.onChange(changes::add);

        probe.mockValue(90);
        probe.mockValue(90);

        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.input()).isSameAs(input);
            assertThat(c.readingChanged()).isTrue();
            assertThat(c.presenceChanged()).isFalse();
            assertThat(c.previous().reading()).hasValue(Reading.analog(72, "F"));
            assertThat(c.current().reading()).hasValue(Reading.analog(90, "F"));
        });
    }

    @Test
    void rawChangesThatRoundToTheSameReadingAreNotReported() {
        MockAnalogInput probe = new MockAnalogInput(CLOCK, "temperature", 72);
        Input input = temperature(probe, 0);
        input.onChange(changes::add);

        probe.mockValue(72.01);

        assertThat(changes).isEmpty();
    }

    @Test
    void unpluggedSensorIsMissingAndHasNoReading() {
        MockAnalogInput probe = new MockAnalogInput(CLOCK, "temperature", 72);
        Input input = temperature(probe, 0);
        input.onChange(changes::add);

        probe.unplug();

        assertThat(input.presence()).isEqualTo(Presence.MISSING);
        assertThat(input.reading()).isEmpty();
        assertThat(input.attachedType()).isEmpty();
        probe.plug();
        assertThat(input.presence()).isEqualTo(Presence.CONNECTED);
        assertThat(changes).hasSize(2).allMatch(InputChange::presenceChanged);
    }

    @Test
    void anotherSensorTypePluggedInIsAWrongProbe() {
        MockAnalogInput probe = new MockAnalogInput(CLOCK, "temperature", 72);
        Input input = temperature(probe, 0);
        input.onChange(changes::add);

        probe.plug("humidity");

        assertThat(input.presence()).isEqualTo(Presence.WRONG_PROBE);
        assertThat(input.reading()).isEmpty();
        assertThat(input.attachedType()).hasValue(SensorType.HUMIDITY);
        assertThat(input.state().probeKind()).isEqualTo("humidity");
        probe.plug("something odd");
        assertThat(input.attachedType()).isEmpty();
        probe.plug("temperature");
        assertThat(input.presence()).isEqualTo(Presence.CONNECTED);
        assertThat(input.attachedType()).hasValue(SensorType.TEMPERATURE);
        assertThat(changes).hasSize(3);
    }

    @Test
    void channelThatCannotIdentifyProbesCountsAsConnected() {
        Input input = Input.builder(2, SensorType.DRY_CONTACT, new MockDigitalInput("", true))
                .build(UnitId.host(), TemperatureUnit.C, DIRECT);

        assertThat(input.presence()).isEqualTo(Presence.CONNECTED);
        assertThat(input.reading()).hasValue(Reading.binary("closed"));
    }

    @Test
    void binaryInputReadsItsWords() {
        MockDigitalInput contact = new MockDigitalInput("water", false);
        Input input = Input.builder(4, SensorType.WATER, contact).name("Leak")
                .build(UnitId.node(2), TemperatureUnit.C, DIRECT);
        input.onChange(changes::add);

        assertThat(input.reading()).hasValue(Reading.binary("dry"));
        contact.mockLevel(SensorType.WATER.levelForWord("wet"));

        assertThat(input.reading().orElseThrow().text()).isEqualTo("wet");
        assertThat(input.address()).hasToString("node-2/4");
        assertThat(input.normalWord()).isEqualTo("dry");
        assertThat(input.alarmWord()).isEqualTo("wet");
        assertThat(input.readingUnit()).isEmpty();
        assertThat(changes).hasSize(1);
    }

    @Test
    void dryContactNormalIsConfigurable() {
        Input input = Input.builder(2, SensorType.DRY_CONTACT, new MockDigitalInput("dry-contact", false))
                .normal("open").build(UnitId.host(), TemperatureUnit.C, DIRECT);

        assertThat(input.normalWord()).isEqualTo("open");
        assertThat(input.alarmWord()).isEqualTo("closed");
        assertThat(input.reading()).hasValue(Reading.binary("open"));
    }

    @Test
    void eventsReachTheUnitsThreadThroughItsExecutor() {
        Queue<Runnable> loop = new ArrayDeque<>();
        MockDigitalInput contact = new MockDigitalInput("smoke", false);
        Input input = Input.builder(5, SensorType.SMOKE, contact).build(UnitId.host(), TemperatureUnit.C, loop::add);
        loop.clear();
        input.onChange(changes::add);

        contact.mockLevel(true);
        assertThat(input.reading()).hasValue(Reading.binary("clear"));
        assertThat(changes).isEmpty();

        loop.remove().run();
        assertThat(input.reading()).hasValue(Reading.binary("smoke"));
        assertThat(changes).hasSize(1);
    }

    @Test
    void closeStopsListeningAndClosesTheChannel() {
        MockDigitalInput contact = new MockDigitalInput("smoke", false);
        Input input = Input.builder(5, SensorType.SMOKE, contact).build(UnitId.host(), TemperatureUnit.C, DIRECT);

        input.close();

        assertThat(contact.isClosed()).isTrue();
        assertThat(contact.listenerCount()).isZero();
    }

    @Test
    void unnamedInputsTakeTheDefaultName() {
        Input input = Input.builder(7, SensorType.POWER, new MockAnalogInput(CLOCK, "power", 120)).name("  ")
                .build(UnitId.host(), TemperatureUnit.C, DIRECT);

        assertThat(input.name()).isEqualTo("Input 7");
    }

    @Test
    void wrongKindOfChannelIsRefused() {
        assertThatThrownBy(() -> Input.builder(1, SensorType.WATER, new MockAnalogInput(CLOCK, "water", 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A water input needs a digital channel.");
        assertThatThrownBy(() -> Input.builder(1, SensorType.HUMIDITY, new MockDigitalInput("humidity", false)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A humidity input needs an analog channel.");
    }

    @Test
    void badSettingsAreRefusedWithASentence() {
        MockDigitalInput contact = new MockDigitalInput("water", false);
        assertThatThrownBy(() -> Input.builder(1, SensorType.WATER, contact).calibration(1))
                .hasMessage("A water input reads a word and takes no calibration.");
        assertThatThrownBy(() -> Input.builder(1, SensorType.WATER, contact).normal("open"))
                .hasMessage("Only a dry-contact input has a configurable normal state.");
        assertThatThrownBy(() -> Input.builder(1, SensorType.DRY_CONTACT, contact).normal("ajar"))
                .hasMessage("A dry contact is normally open or closed, not ajar.");
        assertThatThrownBy(() -> Input.builder(12, SensorType.WATER, contact)
                .build(UnitId.host(), TemperatureUnit.C, DIRECT))
                .hasMessage("The Host has channels 1 to 11, not 12.");
        assertThatThrownBy(() -> Input.builder(10, SensorType.WATER, contact)
                .build(UnitId.host(), TemperatureUnit.C, DIRECT))
                .hasMessage("Input host/10 carries ac-power, not water.");
        assertThatThrownBy(() -> Input.builder(3, SensorType.BATTERY, contact)
                .build(UnitId.host(), TemperatureUnit.C, DIRECT))
                .hasMessage("A battery input exists only on host/9, not on host/3.");
        assertThatThrownBy(() -> Input.builder(9, SensorType.AC_POWER, contact)
                .build(UnitId.node(4), TemperatureUnit.C, DIRECT))
                .hasMessage("Input node-4/9 carries node-power, not ac-power.");
    }
}
