package org.imssim.devices.powergate.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.imssim.devices.powergate.serial.LineError.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The PowerGate line codec, bytes in and objects out. */
class LineDecoderTest {

    private final LineDecoder decoder = new LineDecoder();

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void encodesWithTheXorOfTheBody() {
        assertThat(new String(LineFrame.of(1, "HELLO", "1").encode(), StandardCharsets.US_ASCII))
                .isEqualTo("01 HELLO 1 *72\r\n");
        assertThat(new String(LineFrame.of(0x0A, "GET").encode(), StandardCharsets.US_ASCII))
                .isEqualTo("0A GET *07\r\n");
    }

    /** The examples of docs/powergate-protocol.md, as printed there. */
    @ParameterizedTest
    @ValueSource(strings = {"01 HELLO 1 *72", "01 HELLO 1 8 1 *7B", "02 GET *74", "02 STATE 00000000 00000000 *75",
        "03 SET 1 ON *51", "03 STATE 10000000 10000000 *74", "04 STATE 10000000 10100000 *72", "05 ERR CHECKSUM *4D",
        "06 SET 9 ON *5C", "06 ERR RANGE *1C", "07 JUMP *25", "07 ERR UNKNOWN *0A", "08 ERR HELLO *0F",
        "09 HELLO 1 8 1 *73", "0A STATE 00000000 00000000 *06"})
    void decodesTheDocumentedExamples(String line) {
        List<Decoded> out = decoder.feed(ascii(line + "\r\n"));
        assertThat(out).hasSize(1).first().isInstanceOf(LineFrame.class);
        assertThat(new String(((LineFrame) out.get(0)).encode(), StandardCharsets.US_ASCII)).isEqualTo(line + "\r\n");
    }

    @Test
    void decodesOneFrame() {
        assertThat(decoder.feed(LineFrame.of(7, "SET", "3", "ON").encode()))
                .containsExactly(LineFrame.of(7, "SET", "3", "ON"));
    }

    @Test
    void aFrameSplitAcrossChunksComesOutWhole() {
        byte[] bytes = LineFrame.of(0x42, "STATE", "1010", "1000").encode();
        List<Decoded> out = new ArrayList<>();
        for (byte b : bytes) {
            out.addAll(decoder.feed(new byte[] {b}));
        }
        assertThat(out).containsExactly(LineFrame.of(0x42, "STATE", "1010", "1000"));
    }

    @Test
    void severalFramesInOneChunkComeOutInOrder() {
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        chunk.writeBytes(LineFrame.of(1, "GET").encode());
        chunk.writeBytes(LineFrame.of(2, "SET", "1", "OFF").encode());
        chunk.writeBytes(LineFrame.of(3, "HELLO", "1").encode());
        assertThat(decoder.feed(chunk.toByteArray()))
                .containsExactly(LineFrame.of(1, "GET"), LineFrame.of(2, "SET", "1", "OFF"), LineFrame.of(3, "HELLO", "1"));
    }

    @Test
    void aBareLineFeedEndsAFrameToo() {
        assertThat(decoder.feed(ascii("02 GET *74\n"))).containsExactly(LineFrame.of(2, "GET"));
    }

    @Test
    void garbageBetweenFramesIsDroppedUpToTheLineEnd() {
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        chunk.writeBytes(LineFrame.of(1, "GET").encode());
        chunk.writeBytes(new byte[] {0x00, (byte) 0xFF, 0x13, 'x', 'y', '\r', '\n'});
        chunk.writeBytes(LineFrame.of(2, "GET").encode());
        assertThat(decoder.feed(chunk.toByteArray()))
                .containsExactly(LineFrame.of(1, "GET"), new LineError(Reason.MALFORMED, -1), LineFrame.of(2, "GET"));
    }

    @Test
    void aFrameGluedToGarbageIsLostButTheNextIsRead() {
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        chunk.writeBytes(ascii("noise"));
        chunk.writeBytes(LineFrame.of(1, "GET").encode());
        chunk.writeBytes(LineFrame.of(2, "GET").encode());
        List<Decoded> out = decoder.feed(chunk.toByteArray());
        assertThat(out).hasSize(2);
        assertThat(out.get(0)).isInstanceOf(LineError.class);
        assertThat(out.get(1)).isEqualTo(LineFrame.of(2, "GET"));
    }

    @Test
    void aBadChecksumIsAnErrorThatKeepsTheSequenceNumber() {
        assertThat(decoder.feed(ascii("05 SET 2 ON *00\r\n"))).containsExactly(new LineError(Reason.CHECKSUM, 5));
    }

    @Test
    void aChecksumInLowerCaseIsAccepted() {
        assertThat(decoder.feed(ascii("01 HELLO 1 8 1 *7b\r\n")))
                .containsExactly(LineFrame.of(1, "HELLO", "1", "8", "1"));
    }

    @Test
    void anOverLongLineIsOneErrorAndTheRestOfItIsDropped() {
        String longLine = "01 SET " + "1".repeat(200) + " *00\r\n";
        List<Decoded> out = decoder.feed(ascii(longLine + "02 GET *74\r\n"));
        assertThat(out).containsExactly(new LineError(Reason.TOO_LONG, 1), LineFrame.of(2, "GET"));
    }

    @Test
    void aLineOfExactlyTheLimitIsAFrame() {
        // 64 bytes with " *HH" and CR LF: a body of 58.
        LineFrame frame = new LineFrame(1, "STATE", List.of("1".repeat(49)));
        assertThat(frame.encode()).hasSize(64);
        assertThat(decoder.feed(frame.encode())).containsExactly(frame);
        assertThatThrownBy(() -> new LineFrame(1, "STATE", List.of("1".repeat(50))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET *47", "1 GET *00", "0G GET *00", "01 get *00", "01  GET *00", "01 GET*74", "01 GET *7",
        "01 GET *ZZ", "01 *00", "*", "01 GET 1 *"})
    void malformedLinesAreErrors(String line) {
        assertThat(decoder.feed(ascii(line + "\r\n"))).singleElement().isInstanceOf(LineError.class);
    }

    @Test
    void emptyLinesAreIgnored() {
        assertThat(decoder.feed(ascii("\r\n\n\r\n"))).isEmpty();
    }

    @Test
    void aLineBegunIsForgottenOnReset() {
        decoder.feed(ascii("01 GE"));
        decoder.reset();
        assertThat(decoder.feed(LineFrame.of(2, "GET").encode())).containsExactly(LineFrame.of(2, "GET"));
    }

    /** Random noise never throws and never leaves the decoder out of step for the frame after a line end. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void afterAnyNoiseAndALineEndTheNextFrameIsRead(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            byte[] noise = new byte[random.nextInt(150)];
            random.nextBytes(noise);
            decoder.feed(noise);
            decoder.feed(new byte[] {'\n'});
            LineFrame frame = LineFrame.of(random.nextInt(256), "SET", String.valueOf(1 + random.nextInt(8)), "ON");
            assertThat(decoder.feed(frame.encode())).as("seed %d round %d", seed, round).containsExactly(frame);
        }
    }

    @Test
    void framesRefuseWhatCannotGoOnTheWire() {
        assertThatThrownBy(() -> LineFrame.of(256, "GET")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LineFrame.of(1, "get")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LineFrame.of(1, "SET", "a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LineFrame.of(1, "SET", "")).isInstanceOf(IllegalArgumentException.class);
    }
}
