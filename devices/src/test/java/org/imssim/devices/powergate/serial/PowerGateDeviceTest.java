package org.imssim.devices.powergate.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The PowerGate end of the line protocol, fed bytes, answering bytes. */
class PowerGateDeviceTest {

    private final PowerGateDevice device = new PowerGateDevice(4);
    private final LineDecoder replies = new LineDecoder();

    private List<Decoded> ask(LineFrame request) {
        return replies.feed(device.receive(request.encode()));
    }

    private LineFrame one(LineFrame request) {
        List<Decoded> out = ask(request);
        assertThat(out).hasSize(1);
        return (LineFrame) out.get(0);
    }

    @Test
    void aFreshPowerGateSaysItPoweredUpUntilItIsRead() {
        assertThat(one(LineFrame.of(1, "GET"))).isEqualTo(LineFrame.of(1, "ERR", "HELLO"));
        assertThat(one(LineFrame.of(2, "HELLO", "1"))).isEqualTo(LineFrame.of(2, "HELLO", "1", "4", "1"));
        // A HELLO retried (its reply lost) still says so.
        assertThat(one(LineFrame.of(3, "HELLO", "1"))).isEqualTo(LineFrame.of(3, "HELLO", "1", "4", "1"));
        assertThat(one(LineFrame.of(4, "GET"))).isEqualTo(LineFrame.of(4, "STATE", "0000", "0000"));
        assertThat(device.isFresh()).isFalse();
        assertThat(one(LineFrame.of(5, "HELLO", "1"))).isEqualTo(LineFrame.of(5, "HELLO", "1", "4", "0"));
    }

    @Test
    void setSwitchesAnOutletAndAnswersTheState() {
        List<String> switched = new ArrayList<>();
        device.onSwitch((m, on) -> switched.add(m + (on ? " on" : " off")));
        one(LineFrame.of(1, "HELLO", "1"));
        assertThat(one(LineFrame.of(2, "SET", "3", "ON"))).isEqualTo(LineFrame.of(2, "STATE", "0010", "0010"));
        assertThat(one(LineFrame.of(3, "SET", "3", "ON"))).isEqualTo(LineFrame.of(3, "STATE", "0010", "0010"));
        assertThat(one(LineFrame.of(4, "SET", "3", "OFF"))).isEqualTo(LineFrame.of(4, "STATE", "0000", "0000"));
        assertThat(switched).containsExactly("3 on", "3 off");
    }

    @Test
    void aStuckRelayReadsBackWhereItIsStuck() {
        one(LineFrame.of(1, "HELLO", "1"));
        device.stick(2, true);
        assertThat(one(LineFrame.of(2, "SET", "2", "OFF"))).isEqualTo(LineFrame.of(2, "STATE", "0000", "0100"));
        device.free(2);
        assertThat(one(LineFrame.of(3, "GET"))).isEqualTo(LineFrame.of(3, "STATE", "0000", "0000"));
    }

    @Test
    void errorsNameWhatIsWrong() {
        one(LineFrame.of(1, "HELLO", "1"));
        assertThat(one(LineFrame.of(2, "SET", "5", "ON"))).isEqualTo(LineFrame.of(2, "ERR", "RANGE"));
        assertThat(one(LineFrame.of(3, "SET", "0", "ON"))).isEqualTo(LineFrame.of(3, "ERR", "RANGE"));
        assertThat(one(LineFrame.of(4, "SET", "1", "MAYBE"))).isEqualTo(LineFrame.of(4, "ERR", "ARGUMENT"));
        assertThat(one(LineFrame.of(5, "SET", "x", "ON"))).isEqualTo(LineFrame.of(5, "ERR", "ARGUMENT"));
        assertThat(one(LineFrame.of(6, "SET", "1"))).isEqualTo(LineFrame.of(6, "ERR", "ARGUMENT"));
        assertThat(one(LineFrame.of(7, "GET", "1"))).isEqualTo(LineFrame.of(7, "ERR", "ARGUMENT"));
        assertThat(one(LineFrame.of(8, "JUMP"))).isEqualTo(LineFrame.of(8, "ERR", "UNKNOWN"));
        assertThat(one(LineFrame.of(9, "HELLO", "2"))).isEqualTo(LineFrame.of(9, "ERR", "VERSION"));
        assertThat(one(LineFrame.of(10, "HELLO"))).isEqualTo(LineFrame.of(10, "ERR", "ARGUMENT"));
    }

    @Test
    void aBadChecksumIsAnsweredWithItsSequenceNumberAndNothingSwitches() {
        one(LineFrame.of(1, "HELLO", "1"));
        byte[] bytes = LineFrame.of(0x2B, "SET", "1", "ON").encode();
        bytes[7] = 'F'; // "ON" -> "FN"... the checksum no longer matches
        assertThat(replies.feed(device.receive(bytes))).containsExactly(LineFrame.of(0x2B, "ERR", "CHECKSUM"));
        assertThat(device.commanded(1)).isFalse();
    }

    @Test
    void garbageIsDroppedSilentlyAndTheNextRequestAnswered() {
        one(LineFrame.of(1, "HELLO", "1"));
        assertThat(device.receive("\u0000\u00ffgarbage\r\n".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(device.receive(("x".repeat(300)).getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(device.receive("\n".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(one(LineFrame.of(2, "GET"))).isEqualTo(LineFrame.of(2, "STATE", "0000", "0000"));
    }

    @Test
    void requestsSplitOrBatchedAreAnsweredInOrder() {
        byte[] a = LineFrame.of(1, "HELLO", "1").encode();
        byte[] b = LineFrame.of(2, "SET", "1", "ON").encode();
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        List<Decoded> out = new ArrayList<>();
        out.addAll(replies.feed(device.receive(java.util.Arrays.copyOfRange(both, 0, 5))));
        out.addAll(replies.feed(device.receive(java.util.Arrays.copyOfRange(both, 5, both.length))));
        assertThat(out).containsExactly(LineFrame.of(1, "HELLO", "1", "4", "1"), LineFrame.of(2, "STATE", "1000", "1000"));
    }

    @Test
    void outletCountIsOneToEight() {
        assertThatThrownBy(() -> new PowerGateDevice(9)).hasMessage("A PowerGate has 1 to 8 outlets, not 9.");
        assertThatThrownBy(() -> new PowerGateDevice(0)).hasMessage("A PowerGate has 1 to 8 outlets, not 0.");
    }
}
