package org.imssim.firmware.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imssim.firmware.testing.Soon.soon;

import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.util.Map;
import org.imssim.firmware.mail.outbound.NoDelayGreenMail;
import org.imssim.firmware.mail.outbound.OutgoingMail;
import org.imssim.firmware.store.NewMail;
import org.imssim.firmware.testing.UnitFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SMTP connection stays open for the next mail, and is let go 30 s after the outbox empties. */
class KeptConnectionTest {

    private final NoDelayGreenMail server = new NoDelayGreenMail(ServerSetup.PROTOCOL_SMTP);
    private UnitFixture unit;

    @AfterEach
    void stop() {
        if (unit != null) {
            unit.close();
        }
        server.stop();
    }

    private void send(String subject) {
        unit.await(() -> unit.unit().delivery().send(new NewMail(OutgoingMail.newMessageId("example.com"),
                "ims@example.com", "alice@example.com", subject, "Room Temp is high.\n", Map.of(), "alarm",
                unit.clock().now())));
    }

    @Test
    void theConnectionOutlivesTheOutboxByThirtySeconds() {
        server.start();
        unit = UnitFixture.start(UnitFixture.smtpOnly(server.port(ServerSetup.PROTOCOL_SMTP)));
        MailDelivery delivery = unit.unit().delivery();
        send("first");
        soon().until(() -> server.getReceivedMessages().length == 1);
        soon().until(delivery::connectionKept);

        unit.clock().advance(Duration.ofSeconds(20));
        send("second, over the same connection");
        soon().until(() -> server.getReceivedMessages().length == 2);
        unit.clock().advance(Duration.ofSeconds(29));
        assertThat(delivery.connectionKept()).as("30 s after the second mail, not the first").isTrue();

        // The pass that sent it sets the 30 s timer a moment after the server accepted the mail,
        // so time is moved on a second at a time until the connection goes.
        soon().until(() -> {
            unit.clock().advance(Duration.ofSeconds(1));
            return !delivery.connectionKept();
        });
    }
}
