package org.imssim.devices.powergate.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.imssim.devices.powergate.LinkChange;
import org.imssim.devices.powergate.OutletAction;
import org.imssim.devices.powergate.OutletState;
import org.imssim.hal.ByteLink;
import org.imssim.hal.serial.SerialPortLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SerialPowerGate} on a real serial line: jSerialComm on one pty of a socat pair, the
 * PowerGate end on the other. Skipped when socat is missing (CI installs it).
 */
class PtySerialPowerGateTest extends SerialPowerGateContract {

    @TempDir
    Path dir;

    private SocatPair socat;

    /** A real line with threads on both ends: a little more patience, so a busy CI machine does not drop the link. */
    @Override
    protected LineTimings timings() {
        return new LineTimings(Duration.ofMillis(250), 3, Duration.ofMillis(150), Duration.ofMillis(100),
                Duration.ofMillis(50), Duration.ofMillis(200));
    }

    @Override
    protected Lines lines() throws Exception {
        socat = SocatPair.in(dir).start();
        return new Lines() {
            @Override
            public LineOpener unitSide() {
                return () -> SerialPortLink.open(socat.a().toString(), 9600);
            }

            @Override
            public ByteLink deviceSide() throws Exception {
                return SerialPortLink.open(socat.b().toString(), 9600);
            }

            @Override
            public void close() {
                socat.close();
            }
        };
    }

    @Test
    void aPortMissingAtStartIsOpenedOnceItAppears() throws Exception {
        socat = SocatPair.in(dir);
        lines = new Lines() {
            @Override
            public LineOpener unitSide() {
                return () -> SerialPortLink.open(socat.a().toString(), 9600);
            }

            @Override
            public ByteLink deviceSide() throws Exception {
                return SerialPortLink.open(socat.b().toString(), 9600);
            }

            @Override
            public void close() {
                socat.close();
            }
        };
        startGate();
        assertThat(state(1)).isEqualTo(OutletState.UNKNOWN);
        assertThatThrownBy(() -> command(1, OutletAction.ON)).hasMessage("PowerGate 1 Rack A is not answering.");
        socat.start();
        far = new DeviceEnd(lines.deviceSide(), 4);
        awaitLink(true);
        assertThat(linkChanges).containsExactly(new LinkChange(1, true, true));
        assertThat(state(1)).isEqualTo(OutletState.OFF);
    }

    @Test
    void aPortThatVanishesTakesTheLinkDownUntilItIsBack() throws Exception {
        farEnd();
        startGate();
        awaitLink(true);
        far.close();
        socat.stop();
        awaitLink(false);
        assertThat(state(1)).isEqualTo(OutletState.UNKNOWN);
        socat.start();
        far = new DeviceEnd(lines.deviceSide(), 4);
        awaitLink(true);
        assertThat(linkChanges).containsExactly(new LinkChange(1, true, true), new LinkChange(1, false, false),
                new LinkChange(1, true, true));
    }
}
