package org.imssim.firmware.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imssim.firmware.testing.Soon.soon;

import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.imssim.firmware.Health;
import org.imssim.firmware.mail.outbound.NoDelayGreenMail;
import org.imssim.firmware.mail.outbound.OutgoingMail;
import org.imssim.firmware.store.NewMail;
import org.imssim.firmware.store.StoredMail;
import org.imssim.firmware.testing.UnitFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Mail out without a usable configuration (SPEC §6): without {@code email.smtp.server} or
 * {@code email.return-address} every mail records {@code Invalid Configuration} once, stays in
 * the outbox untouched, and is dropped after 24 hours; a unit restarted with the configuration
 * fixed sends what is still there.
 */
class MailDeliveryConfigurationTest {

    private static final String VALID = """
            unit: {name: Lab, time-zone: UTC}
            email:
              smtp: {server: 127.0.0.1, port: %d, security: none}
              return-address: ims@example.com
            """;

    private final NoDelayGreenMail server = new NoDelayGreenMail(ServerSetup.PROTOCOL_SMTP);
    private UnitFixture unit;

    @TempDir
    Path storage;

    @AfterEach
    void stop() {
        if (unit != null) {
            unit.close();
        }
        server.stop();
    }

    private int smtpPort() {
        return server.port(ServerSetup.PROTOCOL_SMTP);
    }

    private NewMail alarm(String subject) {
        return new NewMail(OutgoingMail.newMessageId("example.com"), "ims@example.com", "alice@example.com", subject,
                "Room Temp is high.\n", Map.of(OutgoingMail.AUTO_SUBMITTED, "auto-generated"), "alarm",
                unit.clock().now());
    }

    private StoredMail send(NewMail mail) {
        return unit.await(() -> unit.unit().delivery().send(mail));
    }

    private Health health() {
        return unit.onLoop(() -> unit.unit().health());
    }

    private long count(String eventText) {
        return unit.eventTexts().stream().filter(eventText::equals).count();
    }

    private long dropped() {
        return unit.eventTexts().stream().filter(t -> t.startsWith("Mail dropped: ")).count();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "smtp: {server: 127.0.0.1, port: %d, security: none}",                                   // no return address
        "smtp: {server: 127.0.0.1, port: %d, security: none}\n  return-address: \"\"",             // empty counts as not set
        "smtp: {server: \"\", port: %d, security: none}\n  return-address: ims@example.com",      // no server
    })
    void invalidConfigurationOncePerMailNothingSentDroppedAfter24Hours(String email) throws Exception {
        server.start();
        unit = UnitFixture.start("unit: {name: Lab, time-zone: UTC}\nemail:\n  " + email.formatted(smtpPort()) + "\n");
        send(alarm("IMS-4000 ALARM: Lab - Door - Open"));
        send(alarm("IMS-4000 ALARM: Lab - Leak - Wet"));
        soon().until(() -> count("Invalid Configuration") == 2);
        soon().until(() -> health().outbox().pending() == 2);
        assertThat(health().smtp()).isEqualTo("failing");

        // 23 hours on, one more mail: its own event only, and nothing older than 24 h to drop yet.
        unit.clock().advance(Duration.ofHours(23));
        send(alarm("IMS-4000 ALARM: Lab - Smoke - Smoke"));
        soon().until(() -> count("Invalid Configuration") == 3);
        soon().until(() -> health().outbox().pending() == 3);
        unit.clock().advance(Duration.ofMinutes(59));
        assertThat(dropped()).isZero();
        assertThat(count("Invalid Configuration")).as("once per mail, however often the outbox is looked at").isEqualTo(3);

        // 24 hours after the first two were stored, they are dropped; the third a while later.
        unit.clock().advance(Duration.ofMinutes(2));
        soon().until(() -> dropped() == 2);
        assertThat(count("Mail dropped: IMS-4000 ALARM: Lab - Door - Open")).isEqualTo(1);
        assertThat(count("Mail dropped: IMS-4000 ALARM: Lab - Leak - Wet")).isEqualTo(1);
        soon().until(() -> health().outbox().pending() == 1);
        unit.clock().advance(Duration.ofHours(23));
        soon().until(() -> dropped() == 3);
        assertThat(count("Mail dropped: IMS-4000 ALARM: Lab - Smoke - Smoke")).isEqualTo(1);
        soon().until(() -> health().outbox().pending() == 0);

        assertThat(server.getReceivedMessages()).as("nothing is sent").isEmpty();
        assertThat(count("Invalid Configuration")).isEqualTo(3);
        assertThat(unit.eventTexts()).noneMatch(t -> t.startsWith("E-mail sent to"));
        assertThat(unit.clock().nextDue()).as("no timer once the outbox is empty").isEmpty();
    }

    @Test
    void aUnitRestartedWithTheConfigurationFixedSendsWhatWaitedInTheOutbox() throws Exception {
        server.start();
        unit = UnitFixture.startOn(storage, "unit: {name: Lab, time-zone: UTC}\nemail:\n  smtp: {server: 127.0.0.1, port: "
                + smtpPort() + ", security: none}\n");
        StoredMail first = send(alarm("IMS-4000 ALARM: Lab - Door - Open"));
        StoredMail second = send(alarm("IMS-4000 ALARM: Lab - Leak - Wet"));
        soon().until(() -> count("Invalid Configuration") == 2);
        unit.clock().advance(Duration.ofMinutes(10));
        unit.close();

        // The operator adds the return address and restarts the unit.
        unit = UnitFixture.startOn(storage, VALID.formatted(smtpPort()));
        assertThat(server.waitForIncomingEmail(5_000, 2)).as("the waiting mails go out at start").isTrue();
        soon().until(() -> health().outbox().pending() == 0);
        assertThat(Arrays.stream(server.getReceivedMessages()).map(m -> {
            try {
                return m.getMessageID();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        })).containsExactly(first.messageId(), second.messageId());
        assertThat(health().smtp()).isEqualTo("ok");
        assertThat(count("E-mail sent to alice@example.com: IMS-4000 ALARM: Lab - Door - Open")).isEqualTo(1);
    }
}
