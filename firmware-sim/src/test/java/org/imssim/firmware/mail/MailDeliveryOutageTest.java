package org.imssim.firmware.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imssim.firmware.testing.Soon.soon;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.imssim.firmware.Health;
import org.imssim.firmware.mail.outbound.OutgoingMail;
import org.imssim.firmware.store.NewMail;
import org.imssim.firmware.store.StoredMail;
import org.imssim.firmware.testing.UnitFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Mail out while the SMTP server is down (SPEC §6): the outbox keeps the mail, retries back off
 * from 5 s doubling, the history says {@code SMTP Server not Responding} once per outage, and
 * the mail goes out exactly once, with the Message-ID it was stored with, when the server is back.
 *
 * <p>The server is "down" as a port where nothing listens (connections are refused) and comes
 * back as GreenMail started on that very port. The unit runs on a virtual clock: a retry happens
 * only when the test advances it; the attempts themselves are real SMTP I/O on the mail-out
 * thread, awaited through what the unit stores (the outbox's failed attempts) and the retry timer
 * it sets.
 */
class MailDeliveryOutageTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Instant T0 = UnitFixture.START;
    private static final String ALICE = "alice@example.com";

    private final int smtpPort = UnusedPort.find();
    private final UnitFixture unit = UnitFixture.start(UnitFixture.smtpOnly(smtpPort));
    private GreenMail server;

    @AfterEach
    void stop() {
        unit.close();
        if (server != null) {
            server.stop();
        }
    }

    private void serverComesBack() {
        server = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    private NewMail alarm(String subject) {
        return new NewMail(OutgoingMail.newMessageId("example.com"), "ims@example.com", ALICE, subject,
                "Room Temp is high.\n", Map.of(OutgoingMail.AUTO_SUBMITTED, "auto-generated"), "alarm",
                unit.clock().now());
    }

    private StoredMail send(NewMail mail) {
        return unit.await(() -> unit.unit().delivery().send(mail));
    }

    private Optional<StoredMail> inOutbox(long id) {
        return unit.store().call(s -> s.outbox().find(id)).join();
    }

    private void awaitFailedAttempts(long id, int n) {
        soon().until(() -> inOutbox(id).map(StoredMail::failedAttempts).orElse(-1) == n);
    }

    /**
     * Waits until the unit has set its next retry, and checks that it is at {@code at}. (The
     * {@code system/smtp} alarm's 15-minute recognition timer, set at the first failure, is due
     * later than any retry here.)
     */
    private void awaitRetryAt(Instant at) {
        soon().until(() -> unit.clock().nextDue().filter(due -> due.isBefore(T0.plusSeconds(15 * 60))).isPresent());
        assertThat(unit.clock().nextDue()).contains(at);
    }

    private Health health() {
        return unit.onLoop(() -> unit.unit().health());
    }

    private long count(String eventText) {
        return unit.eventTexts().stream().filter(eventText::equals).count();
    }

    @Test
    void oneOutageOneEventBackOffFromFiveSecondsDoublingThenDeliveredOnceWithItsMessageId() throws Exception {
        assertThat(unit.clock().nextDue()).as("no timer before anything is sent").isEmpty();
        NewMail mail = alarm("IMS-4000 ALARM: Lab - Room Temp - High");
        StoredMail stored = send(mail);

        // Attempt 1 at once; then 5 s, 10 s, 20 s between attempts, and never earlier.
        awaitFailedAttempts(stored.id(), 1);
        awaitRetryAt(T0.plusSeconds(5));
        soon().until(() -> health().outbox().pending() == 1);
        assertThat(health().smtp()).isEqualTo("failing");
        assertThat(health().outbox().pending()).isEqualTo(1);

        Instant due = T0.plusSeconds(5);
        int attempts = 1;
        for (long wait : new long[] {10, 20, 40}) {
            unit.clock().advance(Duration.between(unit.clock().now(), due).minusMillis(1));
            assertThat(unit.clock().nextDue()).as("no attempt before the back-off").contains(due);
            assertThat(inOutbox(stored.id()).orElseThrow().failedAttempts()).isEqualTo(attempts);

            unit.clock().advance(Duration.ofMillis(1));
            awaitFailedAttempts(stored.id(), ++attempts);
            due = due.plusSeconds(wait);
            awaitRetryAt(due);
        }
        assertThat(attempts).isEqualTo(4);
        assertThat(count("SMTP Server not Responding")).as("once per outage, not per retry").isEqualTo(1);
        assertThat(health().smtp()).isEqualTo("failing");
        assertThat(server).isNull();

        serverComesBack();
        unit.clock().advance(Duration.between(unit.clock().now(), due));
        assertThat(server.waitForIncomingEmail(WAIT.toMillis(), 1)).isTrue();
        soon().until(() -> inOutbox(stored.id()).isEmpty());
        soon().until(() -> health().outbox().pending() == 0);

        MimeMessage received = server.getReceivedMessages()[0];
        assertThat(received.getMessageID()).as("the Message-ID stored at enqueue").isEqualTo(mail.messageId());
        assertThat(received.getSubject()).isEqualTo(mail.subject());
        assertThat(health().smtp()).isEqualTo("ok");
        assertThat(count("Delivered after 5 attempts")).isEqualTo(1);
        assertThat(count("E-mail sent to alice@example.com: " + mail.subject())).isEqualTo(1);
        assertThat(count("SMTP Server not Responding")).isEqualTo(1);
        assertThat(unit.clock().nextDue()).as("nothing left to retry").isEmpty();

        // Exactly once: nothing is sent again later.
        unit.clock().advance(Duration.ofMinutes(10));
        assertThat(server.getReceivedMessages()).hasSize(1);
    }

    @Test
    void mailsStoredDuringAnOutageKeepTheirMessageIdsAndGoOutOnceEachInTheirOrder() throws Exception {
        List<NewMail> mails = List.of(alarm("IMS-4000 ALARM: Lab - Door - Open"),
                alarm("IMS-4000 NORMAL: Lab - Door - Normal"), alarm("IMS-4000 ALARM: Lab - Leak - Wet"));
        List<StoredMail> stored = mails.stream().map(this::send).toList();
        soon().until(() -> count("SMTP Server not Responding") == 1);
        soon().until(() -> health().outbox().pending() == 3);
        awaitFailedAttempts(stored.get(0).id(), 1);

        // Each retry on the virtual clock, a few times over, before the server is back.
        for (int i = 0; i < 3; i++) {
            soon().until(() -> unit.clock().nextDue().isPresent());
            unit.clock().advanceToNextTimer();
        }
        soon().until(() -> unit.clock().nextDue().isPresent());
        assertThat(count("SMTP Server not Responding")).isEqualTo(1);

        serverComesBack();
        unit.clock().advance(Duration.ofMinutes(5)); // past any back-off so far
        assertThat(server.waitForIncomingEmail(WAIT.toMillis(), 3)).isTrue();
        soon().until(() -> health().outbox().pending() == 0);
        unit.clock().advance(Duration.ofMinutes(10));

        MimeMessage[] received = server.getReceivedMessages();
        List<String> ids = Arrays.stream(received).map(m -> {
            try {
                return m.getMessageID();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(ids).containsExactlyElementsOf(stored.stream().map(StoredMail::messageId).toList());
        assertThat(health().smtp()).isEqualTo("ok");
    }
}
