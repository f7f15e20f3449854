package org.imssim.hal.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MockByteLinkTest {

    private final MockByteLink.Pair line = MockByteLink.pair();
    private final MockByteLink unit = line.first();
    private final MockByteLink device = line.second();

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void bytesCrossTheLineBothWays() {
        ByteArrayOutputStream atDevice = new ByteArrayOutputStream();
        device.onReceive(atDevice::writeBytes);

        unit.write(ascii("STATUS\n"));
        device.write(ascii("OK\n"));

        assertThat(atDevice.toByteArray()).isEqualTo(ascii("STATUS\n"));
        assertThat(unit.received()).isEqualTo(ascii("OK\n"));
        assertThat(unit.peer()).isSameAs(device);
    }

    @Test
    void receiverGetsItsOwnCopy() {
        byte[] sent = ascii("ON 1\n");
        device.onReceive(bytes -> bytes[0] = 'X');

        unit.write(sent);

        assertThat(sent).isEqualTo(ascii("ON 1\n"));
        assertThat(device.received()).isEqualTo(ascii("ON 1\n"));
    }

    @Test
    void silentEndDropsWhatItWritesUntilItTalksAgain() {
        device.silent(true);

        device.write(ascii("OK\n"));
        assertThat(unit.received()).isEmpty();
        unit.write(ascii("PING\n"));
        assertThat(device.received()).isEqualTo(ascii("PING\n"));

        device.silent(false);
        device.write(ascii("OK\n"));
        assertThat(unit.received()).isEqualTo(ascii("OK\n"));
    }

    @Test
    void noisyEndPrecedesEachWriteWithGarbage() {
        device.noise((byte) 0xFF, (byte) 0x00);

        device.write(ascii("A"));
        device.write(ascii("B"));
        device.noise();
        device.write(ascii("C"));

        assertThat(unit.received()).containsExactly(0xFF, 0x00, 'A', 0xFF, 0x00, 'B', 'C');
    }

    @Test
    void injectedNoiseReachesTheFarEndEvenFromASilentEnd() {
        device.silent(true);

        device.injectNoise((byte) 0x55, (byte) 0xAA);

        assertThat(unit.received()).containsExactly(0x55, 0xAA);
    }

    @Test
    void closedEndRefusesToWriteAndHearsNothing() {
        unit.close();

        assertThat(unit.isOpen()).isFalse();
        assertThat(device.isOpen()).isTrue();
        assertThatThrownBy(() -> unit.write(ascii("X")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("This mock byte link is closed.");
        device.write(ascii("lost"));
        assertThat(unit.received()).isEmpty();
    }

    @Test
    void clearReceivedForgetsWhatCame() {
        unit.write(ascii("X"));

        device.clearReceived();

        assertThat(device.received()).isEmpty();
    }
}
