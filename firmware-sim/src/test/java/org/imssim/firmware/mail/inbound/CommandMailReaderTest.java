package org.imssim.firmware.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imssim.firmware.mail.inbound.TestMails.read;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Whole messages in the shapes real clients send, read end to end. */
class CommandMailReaderTest {
    @Test
    void plainText() throws Exception {
        byte[] raw = TestMails.bytes("plain.eml");
        CommandMail mail = CommandMailReader.read(raw, TestMails.OWN);
        assertThat(mail.messageId()).isEqualTo("<3f1c2a9e-7b1d-4c55-9a61-0d2e8c4b7a10@example.com>");
        assertThat(mail.rawSha256())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw)))
                .hasSize(64);
        assertThat(mail.date()).contains(Instant.parse("2026-11-29T14:04:05Z"));
        assertThat(mail.subject()).isEqualTo("ims4000");
        assertThat(mail.from()).isEqualTo("alice@example.com");
        assertThat(mail.username()).isEqualTo("alice");
        assertThat(mail.email()).isEqualTo("alice@example.com");
        assertThat(mail.password()).isNull();
        assertThat(mail.hasPassword()).isFalse();
        assertThat(mail.commandLines()).containsExactly("status");
        assertThat(mail.rejection()).isEmpty();
        assertThat(mail.seenKey()).isEqualTo(mail.messageId());
    }

    @Test
    void crlfAndLfGiveTheSameMail() {
        CommandMail lf = read("plain.eml");
        CommandMail crlf = read("plain-crlf.eml");
        assertThat(crlf.rawSha256()).isNotEqualTo(lf.rawSha256());
        assertThat(crlf).usingRecursiveComparison().ignoringFields("rawSha256").isEqualTo(lf);
    }

    @Test
    void htmlOnlyFromAPhone() {
        CommandMail mail = read("phone-html-only.eml");
        assertThat(mail.subject()).isEqualTo("Re: ims4000");
        assertThat(mail.from()).isEqualTo("bob@example.org");
        assertThat(mail.username()).isEqualTo("bob");
        assertThat(mail.email()).isEqualTo("bob@example.org");
        assertThat(mail.password()).isEqualTo("s3cr*t");
        assertThat(mail.commandLines()).containsExactly("outlet 1 2 cycle");
        assertThat(mail.rejection()).isEmpty();
        assertThat(mail.date()).contains(Instant.parse("2026-11-29T14:10:00Z"));
    }

    @Test
    void htmlBlockquoteIsCutAsQuotedHistory() {
        CommandMail mail = read("html-blockquote.eml");
        assertThat(mail.messageId()).isEqualTo("<A1B2C3D4-0000-4E5F-8A9B-112233445566@example.com>");
        assertThat(mail.username()).isEqualTo("kim");
        assertThat(mail.commandLines()).containsExactly("outlets", "help");
        assertThat(mail.rejection()).isEmpty();
    }

    @Test
    void alternativePrefersThePlainPart() {
        CommandMail mail = read("alternative.eml");
        assertThat(mail.messageId()).isEqualTo("<CAF=h3xQ2p+R7t1vN0sK8mJ4yWcL5bT9dE6gU1aZ0oYrS3nHk2A@mail.gmail.com>");
        assertThat(mail.from()).isEqualTo("carol.smith@gmail.example");
        assertThat(mail.username()).isEqualTo("carol");
        assertThat(mail.email()).isEqualTo("carol.smith@gmail.example");
        assertThat(mail.commandLines()).containsExactly("ping 192.0.2.10");
        assertThat(mail.date()).contains(Instant.parse("2026-11-30T13:15:42Z"));
    }

    @Test
    void attachmentsAreNotReadAndHtmlInRelatedIs() {
        CommandMail mail = read("mixed-attachment.eml");
        assertThat(mail.username()).isEqualTo("leo");
        assertThat(mail.email()).isEqualTo("leo@example.com");
        assertThat(mail.commandLines()).containsExactly("status");
        assertThat(mail.rejection()).isEmpty();
    }

    @Test
    void quotedPrintable() {
        CommandMail mail = read("quoted-printable.eml");
        assertThat(mail.username()).isEqualTo("dave");
        assertThat(mail.email()).isEqualTo("dave@example.com");
        assertThat(mail.password()).isEqualTo("pa=ss");
        assertThat(mail.commandLines()).containsExactly(
                "outlet 2 all on", "ping a-host-name-that-is-long-enough-to-need-a-soft-break.dept.example.com");
        assertThat(mail.messageId()).isEqualTo("<DB9PR01MB1234ABCD5678EF90@DB9PR01MB1234.eurprd01.prod.outlook.example>");
    }

    @Test
    void base64WithAnEncodedSubjectAndANamedAddress() {
        CommandMail mail = read("base64.eml");
        assertThat(mail.subject()).isEqualTo("Re: [EXT] Fwd: ims4000");
        assertThat(mail.username()).isEqualTo("erin");
        assertThat(mail.email()).isEqualTo("erin@example.com");
        assertThat(mail.commandLines()).containsExactly("trace gateway.example.net");
        assertThat(mail.rejection()).isEmpty();
    }

    @Test
    void iso88591BodyWithANonAsciiName() {
        CommandMail mail = read("latin1.eml");
        assertThat(mail.subject()).isEqualTo("AW: ims4000");
        assertThat(mail.from()).isEqualTo("juergen@example.de");
        assertThat(mail.username()).isEqualTo("jürgen");
        assertThat(mail.commandLines()).containsExactly("status");
        assertThat(mail.rejection()).isEmpty();
    }

    @Test
    void anUnknownCharsetFallsBackWithoutFailing() {
        CommandMail mail = read("unknown-charset.eml");
        assertThat(mail.username()).isEqualTo("jörg");
        assertThat(mail.rejection()).isEmpty();
    }

    @Test
    void gmailReplyWithTheAttributionWrappedOverTwoLines() {
        CommandMail mail = read("gmail-reply.eml");
        assertThat(mail.subject()).isEqualTo("Re: IMS-4000 reply: Server Room");
        assertThat(mail.username()).isEqualTo("frank");
        assertThat(mail.commandLines()).containsExactly("outlets");
        assertThat(mail.rejection()).isEmpty();
    }

    @Test
    void outlookOriginalMessageAndAReTwoSubjectBehindATag() {
        CommandMail mail = read("outlook-original.eml");
        assertThat(mail.subject()).isEqualTo("RE: [EXT] Re[2]: IMS4000");
        assertThat(mail.username()).isEqualTo("grace");
        assertThat(mail.email()).isEqualTo("grace@corp.example");
        assertThat(mail.commandLines()).containsExactly("ack 4711");
        assertThat(mail.rejection()).isEmpty();
        assertThat(mail.date()).contains(Instant.parse("2026-11-29T20:30:00Z"));
    }

    @Test
    void outlookFromSentBlock() {
        CommandMail mail = read("outlook-from-sent.eml");
        assertThat(mail.username()).isEqualTo("heidi");
        assertThat(mail.commandLines()).containsExactly("status");
        assertThat(mail.rejection()).isEmpty();
    }

    @Test
    void signatureEndsReading() {
        CommandMail mail = read("signature.eml");
        assertThat(mail.email()).isEqualTo("ivan@example.com");
        assertThat(mail.commandLines()).containsExactly("help");
    }

    @Test
    void repeatedFieldsFirstWinsAndAllCommandsAreKept() {
        CommandMail mail = read("repeated-fields.eml");
        assertThat(mail.username()).isEqualTo("judy");
        assertThat(mail.email()).isEqualTo("judy@example.com");
        assertThat(mail.password()).isEqualTo("first-pin");
        assertThat(mail.commandLines()).containsExactly("status", "outlets", "ping 192.0.2.1", "help",
                "ack 1", "ack 2", "ack 3", "ack 4", "ack 5", "ack 6", "ack 7", "ack 8");
        assertThat(mail.toString()).doesNotContain("first-pin").contains("password=****");
    }

    @Test
    void withoutMessageIdTheHashIsTheSeenKey() {
        CommandMail mail = read("no-message-id.eml");
        assertThat(mail.messageId()).isNull();
        assertThat(mail.date()).isEmpty();
        assertThat(mail.seenKey()).isEqualTo(mail.rawSha256());
        assertThat(mail.rejection()).isEmpty();
    }

    @Test
    void aHugeBodyIsCutAt64KiBWithoutFailing() {
        StringBuilder body = new StringBuilder("username: alice\nemail: alice@example.com\ncommand: status\n");
        while (body.length() < 200 * 1024) {
            body.append("filler line of a very long mail, nothing to see here.\n");
        }
        String past64KiB = "command: outlet 1 all off\n";
        body.append(past64KiB);
        byte[] raw = ("From: alice@example.com\nSubject: ims4000\nContent-Type: text/plain; charset=utf-8\n\n" + body)
                .getBytes(StandardCharsets.UTF_8);

        CommandMail mail = CommandMailReader.read(raw, Set.of());

        assertThat(mail.commandLines()).containsExactly("status");
        assertThat(mail.rejection()).isEmpty();
    }

    @Test
    void theBodyTextItselfIsCutAtExactly64KiB() throws Exception {
        String body = "username: alice\n" + "x".repeat(200 * 1024);
        jakarta.mail.internet.MimeMessage message = new jakarta.mail.internet.MimeMessage(
                jakarta.mail.Session.getInstance(new java.util.Properties()),
                new java.io.ByteArrayInputStream(("Subject: ims4000\n\n" + body).getBytes(StandardCharsets.US_ASCII)));
        assertThat(BodyText.of(message)).hasSize(64 * 1024).startsWith("username: alice\nxxx");
        assertThat(BodyText.cut("a".repeat(BodyText.MAX_CHARS - 1) + "\ud83d\ude00")).hasSize(BodyText.MAX_CHARS - 1);
    }

    @Test
    void resultsAreValuesWithUnmodifiableCommandLines() {
        CommandMail mail = read("plain.eml");
        assertThat(mail).isEqualTo(read("plain.eml"));
        assertThat(mail.commandLines()).isUnmodifiable();
        assertThat(mail.commandLines()).isEqualTo(List.of("status"));
        assertThat(mail.rejection()).isEqualTo(Optional.empty());
    }
}
