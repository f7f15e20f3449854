package org.imssim.firmware.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever the bytes, the reader answers: never an exception. */
class MalformedMailTest {
    private static final long BASE_SEED = 0x1A54000L;

    static LongStream seeds() {
        return LongStream.range(0, 40).map(i -> BASE_SEED + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomBytesAreNotACommand(long seed) {
        Random random = new Random(seed);
        byte[] raw = new byte[random.nextInt(64 * 1024)];
        random.nextBytes(raw);
        CommandMail mail = CommandMailReader.read(raw, TestMails.OWN);
        assertThat(mail.rejection()).as("seed %d", seed).isPresent();
        assertThat(mail.rawSha256()).hasSize(64);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void realMailsWithRandomBytesFlippedDoNotFail(long seed) {
        Random random = new Random(seed);
        String[] names = {"alternative.eml", "mixed-attachment.eml", "quoted-printable.eml", "base64.eml",
            "phone-html-only.eml", "bounce-dsn.eml", "outlook-from-sent.eml"};
        byte[] raw = TestMails.bytes(names[random.nextInt(names.length)]);
        for (int i = 0; i < 1 + random.nextInt(30); i++) {
            raw[random.nextInt(raw.length)] = (byte) random.nextInt(256);
        }
        assertThat(CommandMailReader.read(raw, TestMails.OWN)).as("seed %d", seed).isNotNull();
    }

    static IntStream cuts() {
        return IntStream.iterate(0, n -> n < TestMails.bytes("mixed-attachment.eml").length, n -> n + 23);
    }

    @ParameterizedTest(name = "cut at {0}")
    @MethodSource("cuts")
    void truncatedMimeAtAnyPointDoesNotFail(int length) {
        byte[] raw = Arrays.copyOf(TestMails.bytes("mixed-attachment.eml"), length);
        assertThat(CommandMailReader.read(raw, TestMails.OWN)).isNotNull();
    }

    @Test
    void truncatedMultipartWithBrokenBase64KeepsWhatDecoded() {
        CommandMail mail = TestMails.read("truncated-base64.eml");
        assertThat(mail.username()).isEqualTo("pat");
        assertThat(mail.email()).isEqualTo("pat@example.com");
        assertThat(mail.messageId()).isEqualTo("<truncated.1@example.com>");
    }

    @Test
    void emptyNullAndHeaderlessInput() {
        for (byte[] raw : new byte[][] {null, new byte[0], "\n\n\n".getBytes(StandardCharsets.US_ASCII),
            "username: alice\ncommand: status".getBytes(StandardCharsets.US_ASCII),
            "Subject: ims4000".getBytes(StandardCharsets.US_ASCII)}) {
            CommandMail mail = CommandMailReader.read(raw, Set.of());
            assertThat(mail.rejection()).contains(RejectReason.NOT_A_COMMAND);
            assertThat(mail.subject()).isNotNull();
        }
        assertThat(CommandMailReader.read(null, null).rawSha256())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void brokenHeadersAndParameters() {
        String[] messages = {
            "Subject: ims4000\nContent-Type: multipart/mixed\n\n--x\n\nusername: a\n--x--\n",
            "Subject: ims4000\nContent-Type: multipart/mixed; boundary=\"\n\nusername: a\n",
            "Subject: ims4000\nContent-Type: ;;;===\"\n\nusername: a\n",
            "Subject: ims4000\nContent-Type: text/plain; charset=\"\n\nusername: a\n",
            "Subject: ims4000\nContent-Transfer-Encoding: x-martian\n\nusername: a\n",
            "Subject: ims4000\nContent-Transfer-Encoding: base64\n\n!!!!\n",
            "Subject: ims4000\nContent-Disposition: ;;;=\"\n\nusername: a\n",
            "Subject: ims4000\nDate: not a date at all\nFrom: <<<@@@>>>\n\nusername: a\n",
            "Subject: =?utf-8?B?!!!?= =?utf-8?Q?=ZZ?=\nFrom: \"unterminated\n\nusername: a\n",
            "Subject: ims4000\nFrom: =?x?q?a?= <\n Message-ID:\n\nusername: a\n",
        };
        for (String message : messages) {
            assertThat(CommandMailReader.read(message.getBytes(StandardCharsets.UTF_8), TestMails.OWN))
                    .as(message).isNotNull();
        }
        CommandMail lenient = CommandMailReader.read(messages[4].getBytes(StandardCharsets.UTF_8), Set.of());
        assertThat(lenient.username()).isEqualTo("a"); // an unknown transfer encoding is read as is
        CommandMail noDate = CommandMailReader.read(messages[7].getBytes(StandardCharsets.UTF_8), Set.of());
        assertThat(noDate.date()).isEmpty();
        assertThat(noDate.username()).isEqualTo("a");
    }

    @Test
    void absurdNestingIsCappedAndTextWithinTheCapIsFound() {
        assertThat(CommandMailReader.read(nested(3), Set.of()).username()).isEqualTo("deep");
        assertThat(CommandMailReader.read(nested(BodyText.MAX_DEPTH), Set.of()).username()).isEqualTo("deep");
        // Deeper than the depth cap but with fewer parts than the part cap: the depth cap stops it.
        assertThat(CommandMailReader.read(nested(BodyText.MAX_DEPTH + 1), Set.of()).username()).isNull();
        assertThat(CommandMailReader.read(nested(50), Set.of()).username()).isNull();
        assertThat(CommandMailReader.read(nested(2_000), Set.of()).rejection()).contains(RejectReason.NOT_A_COMMAND);
    }

    @Test
    void partsBeyondTheCapAreNotRead() {
        StringBuilder mail = new StringBuilder("Subject: ims4000\nContent-Type: multipart/mixed; boundary=b\n\n");
        for (int i = 0; i < 1_000; i++) {
            mail.append("--b\nContent-Type: image/png\n\nx\n");
        }
        mail.append("--b\nContent-Type: text/plain\n\nusername: late\n--b--\n");
        CommandMail result = CommandMailReader.read(mail.toString().getBytes(StandardCharsets.US_ASCII), Set.of());
        assertThat(result.username()).isNull();
        assertThat(result.rejection()).contains(RejectReason.NOT_A_COMMAND);
    }

    /** A text part inside {@code depth} nested multiparts. */
    private static byte[] nested(int depth) {
        StringBuilder head = new StringBuilder("Subject: ims4000\n");
        StringBuilder tail = new StringBuilder();
        for (int level = 0; level < depth; level++) {
            head.append("Content-Type: multipart/mixed; boundary=b").append(level).append("\n\n--b").append(level).append('\n');
            tail.insert(0, "\n--b" + level + "--\n");
        }
        head.append("Content-Type: text/plain\n\nusername: deep\n");
        return (head.toString() + tail).getBytes(StandardCharsets.US_ASCII);
    }
}
