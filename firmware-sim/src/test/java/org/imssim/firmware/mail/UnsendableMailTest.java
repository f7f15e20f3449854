package org.imssim.firmware.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imssim.firmware.testing.Soon.soon;

import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.imssim.firmware.mail.outbound.NoDelayGreenMail;
import org.imssim.firmware.mail.outbound.OutgoingMail;
import org.imssim.firmware.store.NewMail;
import org.imssim.firmware.store.StoredMail;
import org.imssim.firmware.testing.UnitFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A mail in the outbox that can never be put on the wire must not hold back the mail behind it, nor
 * make the mail-out thread try it again and again.
 *
 * <p>How one gets there: a command reply answers the command mail's Message-ID in
 * {@code In-Reply-To}, and a stranger's Message-ID may hold what a header of ours may not (here
 * an internationalised domain, as a client on such a host writes it). The reply is stored as
 * composed; only building the wire message refuses it.
 */
class UnsendableMailTest {

    private final NoDelayGreenMail server = new NoDelayGreenMail(ServerSetup.PROTOCOL_SMTP);
    private final UnitFixture unit;

    UnsendableMailTest() {
        server.start();
        unit = UnitFixture.start(UnitFixture.smtpOnly(server.port(ServerSetup.PROTOCOL_SMTP)));
    }

    @AfterEach
    void stop() {
        unit.close();
        server.stop();
    }

    private StoredMail send(NewMail mail) {
        return unit.await(() -> unit.unit().delivery().send(mail));
    }

    private long count(String eventText) {
        return unit.eventTexts().stream().filter(eventText::equals).count();
    }

    @Test
    void aMailThatCannotBeBuiltIsDroppedAndTheMailBehindItGoesOut() throws Exception {
        Map<String, String> replyHeaders = new LinkedHashMap<>();
        replyHeaders.put(OutgoingMail.AUTO_SUBMITTED, "auto-replied");
        replyHeaders.put(OutgoingMail.IN_REPLY_TO, "<4711@bücher.example>");
        replyHeaders.put(OutgoingMail.REFERENCES, "<4711@bücher.example>");
        NewMail unsendable = new NewMail(OutgoingMail.newMessageId("example.com"), "ims@example.com",
                "alice@example.com", "IMS-4000 reply: Lab", "== status ==\n", replyHeaders, "reply", unit.clock().now());
        NewMail alarm = new NewMail(OutgoingMail.newMessageId("example.com"), "ims@example.com", "alice@example.com",
                "IMS-4000 ALARM: Lab - Leak - Wet", "Leak is wet.\n", Map.of(OutgoingMail.AUTO_SUBMITTED, "auto-generated"),
                "alarm", unit.clock().now());

        send(unsendable);
        StoredMail behind = send(alarm);

        assertThat(server.waitForIncomingEmail(5_000, 1)).as("the alarm behind it goes out").isTrue();
        MimeMessage received = server.getReceivedMessages()[0];
        assertThat(received.getMessageID()).isEqualTo(behind.messageId());
        soon().until(() -> unit.onLoop(() -> unit.unit().health()).outbox().pending() == 0);
        assertThat(count("Mail dropped: IMS-4000 reply: Lab")).isEqualTo(1);
        assertThat(count("SMTP Server not Responding")).as("the server did nothing wrong").isZero();
        assertThat(unit.onLoop(() -> unit.unit().health()).smtp()).isEqualTo("ok");
        assertThat(unit.clock().nextDue()).as("no pass left due at once, again and again").isEmpty();

        unit.clock().advance(Duration.ofMinutes(10));
        assertThat(server.getReceivedMessages()).hasSize(1);
    }
}
