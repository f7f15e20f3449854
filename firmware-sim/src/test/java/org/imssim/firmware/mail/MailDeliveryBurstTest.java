package org.imssim.firmware.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imssim.firmware.testing.Soon.soon;

import com.icegreen.greenmail.store.FolderListener;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.imssim.firmware.mail.outbound.OutgoingMail;
import org.imssim.firmware.store.NewMail;
import org.imssim.firmware.store.StoredMail;
import org.imssim.firmware.testing.UnitFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Mails stored while a delivery pass runs, and mails stored between passes, are each sent once
 * and in the order they were stored: a fresh mail is sent before the pass asks the outbox what is
 * due, and one stored during a pass is left to the outbox's own order.
 */
class MailDeliveryBurstTest {

    private static final int MAILS = 60;

    private final int smtpPort = UnusedPort.find();
    private final GreenMail server = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private final UnitFixture unit;

    MailDeliveryBurstTest() {
        server.start();
        unit = UnitFixture.start(UnitFixture.smtpOnly(smtpPort));
    }

    @AfterEach
    void stop() {
        unit.close();
        server.stop();
    }

    private NewMail mail(int i) {
        return new NewMail(OutgoingMail.newMessageId("example.com"), "ims@example.com", "alice@example.com",
                "Mail " + i, "Body " + i + "\n", Map.of(OutgoingMail.AUTO_SUBMITTED, "auto-generated"), "alarm",
                unit.clock().now());
    }

    @Test
    void everyMailOfABurstGoesOnceInTheOrderItWasStored() throws MessagingException {
        List<String> ids = new ArrayList<>();
        // Bursts from the loop, some while a pass runs and some between passes.
        for (int burst = 0; burst < MAILS / 10; burst++) {
            int first = burst * 10;
            List<CompletableFuture<StoredMail>> stored = unit.onLoop(() -> {
                List<CompletableFuture<StoredMail>> sent = new ArrayList<>();
                for (int i = first; i < first + 10; i++) {
                    NewMail m = mail(i);
                    ids.add(m.messageId());
                    sent.add(unit.unit().delivery().send(m));
                }
                return sent;
            });
            stored.forEach(CompletableFuture::join);
        }

        // A pass sends at most a batch; the next is woken by a timer on the unit's (virtual) clock.
        soon().until(() -> {
            unit.clock().advance(Duration.ofMillis(100));
            return server.getReceivedMessages().length >= MAILS;
        });
        soon().until(() -> unit.onLoop(() -> unit.unit().delivery().pending()) == 0);
        MimeMessage[] received = server.getReceivedMessages();
        List<String> got = new ArrayList<>();
        for (MimeMessage m : received) {
            got.add(m.getMessageID());
        }
        assertThat(got).as("each once").doesNotHaveDuplicates().hasSize(MAILS);
        assertThat(got).as("in the order stored").containsExactlyElementsOf(ids);
        assertThat(Arrays.stream(received).map(m -> {
            try {
                return m.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList()).startsWith("Mail 0", "Mail 1");
    }

    @Test
    void aMailCommittedWithoutASyncIsOnDiskBeforeItIsSent() throws Exception {
        List<Boolean> syncedWhenSent = new CopyOnWriteArrayList<>();
        server.getManagers().getImapHostManager().getInbox(server.setUser("alice@example.com", "alice", "x"))
                .addListener(new FolderListener() {
                    @Override
                    public void added(int msn) {
                        // On the server's thread, before it answers the unit's DATA.
                        syncedWhenSent.add(unit.store().allSynced());
                    }

                    @Override
                    public void flagsUpdated(int msn, Flags flags, Long uid) {
                    }

                    @Override
                    public void expunged(int msn) {
                    }

                    @Override
                    public void mailboxDeleted() {
                    }
                });
        // A first mail opens the SMTP connection, so that the next goes out well within the 50 ms
        // after which the store would sync it by itself.
        unit.await(() -> unit.unit().delivery().send(mail(0)));
        soon().until(() -> syncedWhenSent.size() == 1);
        // What follows its acceptance (its removal, its event) is stored and synced by now.
        soon().until(() -> unit.onLoop(() -> unit.unit().delivery().pending()) == 0
                && unit.eventTexts().stream().anyMatch(t -> t.startsWith("E-mail sent")) && unit.store().allSynced());
        // As a command's reply is stored: committed without a sync, then handed to the delivery.
        StoredMail stored = unit.store().callSyncedLater(s -> s.outbox().enqueue(mail(1))).join();
        assertThat(unit.store().allSynced()).isFalse();
        unit.onLoop(() -> {
            unit.unit().delivery().added(List.of(stored));
            return null;
        });
        soon().until(() -> syncedWhenSent.size() == 2);
        assertThat(syncedWhenSent).as("nothing leaves the unit before the sync that covers it").containsExactly(true, true);
    }
}
