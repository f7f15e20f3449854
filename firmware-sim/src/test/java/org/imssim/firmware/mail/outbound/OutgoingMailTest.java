package org.imssim.firmware.mail.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The MIME form of a mail, without a server. */
class OutgoingMailTest {

    private static final Instant CREATED = Instant.parse("2026-11-29T15:04:05Z");
    private static final Session SESSION = Session.getInstance(new Properties());

    private static OutgoingMail mail(String subject, String body) {
        return new OutgoingMail("<fixed-1@imssim>", "IMS-4000 <ims@example.com>", "alice@example.com", subject, body,
                Map.of(), CREATED);
    }

    private static String raw(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void newMessageIdIsAUuidAtTheDomain() {
        String id = OutgoingMail.newMessageId("imssim");
        assertThat(id).matches("<[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}@imssim>");
        assertThat(OutgoingMail.newMessageId("imssim")).isNotEqualTo(id);
        assertThatThrownBy(() -> OutgoingMail.newMessageId("bad domain>"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void messageIdAndDateSurviveSaveChanges() throws Exception {
        MimeMessage message = mail("IMS-4000 ALARM: Server Room - Room Temp - High", "Room Temp is high.")
                .toMimeMessage(SESSION);
        message.saveChanges(); // a second time, as a resend would
        assertThat(message.getHeader("Message-ID", null)).isEqualTo("<fixed-1@imssim>");
        assertThat(message.getHeader("Date", null)).isEqualTo("Sun, 29 Nov 2026 15:04:05 +0000");
        assertThat(message.getSentDate()).isEqualTo(Date.from(CREATED));
    }

    @Test
    void asciiTextGoesAs7bitWithCrlfLines() throws Exception {
        String raw = raw(mail("IMS-4000 NORMAL: Server Room - Room Temp - Normal", "line one\nline two\r\nend")
                .toMimeMessage(SESSION));
        assertThat(raw).contains("Content-Type: text/plain; charset=UTF-8\r\n")
                .contains("Content-Transfer-Encoding: 7bit\r\n")
                .endsWith("\r\n\r\nline one\r\nline two\r\nend");
    }

    @Test
    void unicodeTextGoesAsQuotedPrintableAndTheSubjectEncoded() throws Exception {
        MimeMessage message = mail("IMS-4000 ALARM: Kühlraum - Tür - Open", "Tür offen, 23 °C\nЗал ✓")
                .toMimeMessage(SESSION);
        String raw = raw(message);
        assertThat(raw).contains("Content-Transfer-Encoding: quoted-printable\r\n")
                .contains("Subject: =?UTF-8?Q?")
                .doesNotContain("Kühlraum");
        assertThat(message.getSubject()).isEqualTo("IMS-4000 ALARM: Kühlraum - Tür - Open");
        assertThat(message.getContent()).isEqualTo("Tür offen, 23 °C\r\nЗал ✓");
    }

    @Test
    void aLongAsciiLineIsQuotedPrintableToo() throws Exception {
        String raw = raw(mail("long", "x".repeat(1200)).toMimeMessage(SESSION));
        assertThat(raw).contains("Content-Transfer-Encoding: quoted-printable\r\n");
    }

    @Test
    void extraHeadersKeepTheirOrderAndValues() throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(OutgoingMail.AUTO_SUBMITTED, "auto-replied");
        headers.put(OutgoingMail.IN_REPLY_TO, "<cmd-2@example.com>");
        headers.put(OutgoingMail.REFERENCES, "<cmd-1@example.com> <cmd-2@example.com>");
        OutgoingMail mail = new OutgoingMail("<r-1@imssim>", "ims@example.com", "bob@example.org",
                "IMS-4000 reply: Server Room", "ok", headers, CREATED);
        assertThat(mail.headers().keySet()).containsExactly("Auto-Submitted", "In-Reply-To", "References");
        OutgoingMail more = mail.withHeader("reply-to", "ims-cmd@example.com");
        assertThat(more.headers().keySet()).containsExactly("Auto-Submitted", "In-Reply-To", "References", "reply-to");
        MimeMessage message = more.toMimeMessage(SESSION);
        assertThat(message.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(message.getHeader("References", null)).isEqualTo("<cmd-1@example.com> <cmd-2@example.com>");
        assertThat(message.getHeader("Reply-To", null)).isEqualTo("ims-cmd@example.com");
    }

    @Test
    void lineBreaksCannotSmuggleHeaders() {
        assertThatThrownBy(() -> mail("ims\r\nBcc: eve@example.com", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("The subject spans more than one line.");
        assertThatThrownBy(() -> mail("ok", "x").withHeader("In-Reply-To", "<a@b>\r\nBcc: eve@example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A header value holds a line break or a non-ASCII character.");
        assertThatThrownBy(() -> new OutgoingMail("<a@b>", "ims@example.com", "alice@example.com\nBcc: eve@x", "s", "b",
                Map.of(), CREATED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void headersTheMailSetsItselfAreRefused() {
        assertThatThrownBy(() -> mail("s", "b").withHeader("Message-ID", "<other@x>"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A header that the mail sets itself was given as an extra header.");
        assertThatThrownBy(() -> mail("s", "b").withHeader("Content-Type", "text/html"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> mail("s", "b").withHeader("Bad Name", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMessageIdMustHaveItsBrackets() {
        assertThatThrownBy(() -> new OutgoingMail("no-brackets@imssim", "a@b.c", "d@e.f", "s", "b", Map.of(), CREATED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The Message-ID is not of the form <left@right>.");
    }
}
