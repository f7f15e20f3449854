package org.imssim.firmware.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.imssim.devices.powergate.OutletState;
import org.imssim.devices.powergate.PowerGate;
import org.imssim.devices.powergate.serial.LineFrame;
import org.imssim.devices.powergate.serial.PowerGateDevice;
import org.imssim.devices.powergate.serial.SerialPowerGate;
import org.imssim.firmware.testing.SocatPair;
import org.imssim.firmware.testing.UnitFixture;
import org.imssim.hal.serial.SerialPortLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A unit with a {@code serial} PowerGate on a socat pty pair, {@link PowerGateDevice} at the far
 * end: power-up is applied when the PowerGate says it has just powered up, and only then (SPEC §11).
 */
class LinePowerGatesOnUnitTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private SocatPair socat;
    private SerialPortLink far;
    private final AtomicReference<PowerGateDevice> device = new AtomicReference<>(new PowerGateDevice(4));

    @AfterEach
    void tearDown() {
        if (far != null) {
            far.close();
        }
        if (socat != null) {
            socat.close();
        }
    }

    private void farEnd() throws Exception {
        socat = SocatPair.in(dir).start();
        far = SerialPortLink.open(socat.b().toString(), 9600);
        far.onReceive(bytes -> {
            byte[] reply = device.get().receive(bytes);
            if (reply.length > 0) {
                far.write(reply);
            }
        });
    }

    private String config() {
        return """
                unit: {name: Lab}
                powergates:
                  - {number: 1, outlets: 2}
                  - number: 2
                    name: Rack B
                    outlets: 4
                    power-up: off
                    outlet-settings: [{outlet: 1, power-up: on}]
                    backend: serial
                    serial: {port: %s}
                """.formatted(socat.a());
    }

    private static List<OutletState> states(UnitFixture unit, int gate) {
        return unit.onLoop(() -> unit.unit().hardware().powergates().get(gate).outlets().stream()
                .map(o -> o.state()).toList());
    }

    @Test
    void aPowerGateJustPoweredUpGetsItsPowerUpAndAgainWhenItRestarts() throws Exception {
        farEnd();
        try (UnitFixture unit = UnitFixture.start(config())) {
            assertThat(unit.onLoop(() -> unit.unit().hardware().powergates().get(2))).isInstanceOf(SerialPowerGate.class);
            await().atMost(WAIT).until(() -> device.get().commanded(1));
            await().atMost(WAIT).until(() -> states(unit, 2).equals(
                    List.of(OutletState.ON, OutletState.OFF, OutletState.OFF, OutletState.OFF)));
            assertThat(states(unit, 1)).containsExactly(OutletState.ON, OutletState.ON);

            device.set(new PowerGateDevice(4)); // restarted: all off, fresh
            await().atMost(WAIT).until(() -> device.get().commanded(1));
            await().atMost(WAIT).until(() -> states(unit, 2).get(0) == OutletState.ON);
        }
    }

    @Test
    void aPowerGateAlreadyRunningIsReadNotCommanded() throws Exception {
        farEnd();
        device.get().receive(LineFrame.of(1, "HELLO", "1").encode());
        device.get().receive(LineFrame.of(2, "SET", "3", "ON").encode());
        try (UnitFixture unit = UnitFixture.start(config())) {
            PowerGate gate = unit.onLoop(() -> unit.unit().hardware().powergates().get(2));
            await().atMost(WAIT).until(() -> unit.onLoop(gate::linkUp));
            assertThat(states(unit, 2)).containsExactly(OutletState.OFF, OutletState.OFF, OutletState.ON, OutletState.OFF);
            assertThat(device.get().commanded(1)).isFalse();
        }
    }

    @Test
    void powerGatesOnMissingPortsLeaveTheUnitRunningWithTheirOutletsUnknown() {
        SocatPair.assumeSocat();
        try (UnitFixture unit = UnitFixture.start("""
                unit: {name: Lab}
                powergates:
                  - {number: 2, outlets: 2, backend: serial, serial: {port: %s}}
                  - {number: 3, outlets: 2, backend: usb-relay, driver: lcus, serial: {port: %s}}
                """.formatted(dir.resolve("ttyNone"), dir.resolve("ttyNoneEither")))) {
            assertThat(states(unit, 2)).containsOnly(OutletState.UNKNOWN);
            assertThat(states(unit, 3)).containsOnly(OutletState.UNKNOWN);
            assertThat(unit.onLoop(() -> unit.unit().hardware().powergates().get(3).linkUp())).isFalse();
        }
    }
}
