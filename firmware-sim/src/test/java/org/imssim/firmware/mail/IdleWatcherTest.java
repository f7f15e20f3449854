package org.imssim.firmware.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.FolderListener;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.core.ConditionFactory;
import org.imssim.firmware.mail.outbound.NoDelayGreenMail;
import org.imssim.firmware.mail.outbound.SmtpFront;
import org.imssim.firmware.store.SeenMessages;
import org.imssim.firmware.testing.Soon;
import org.imssim.firmware.testing.UnitFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A unit reading its mailbox over IMAP with IDLE (SPEC §7), against GreenMail on loopback behind a
 * relay that counts and can drop the unit's IMAP connections. The poll interval is an hour and the
 * unit's clock is virtual and never advanced, so only IDLE brings a command in.
 */
class IdleWatcherTest {

    private static final String UNIT_ADDRESS = "ims@example.com";
    private static final String ALICE = "alice@example.com";
    private static final Session SESSION = Session.getInstance(new Properties());

    private final NoDelayGreenMail server = new NoDelayGreenMail(ServerSetup.PROTOCOL_SMTP, ServerSetup.PROTOCOL_IMAP);
    private final GreenMailUser mailbox = server.setUser(UNIT_ADDRESS, "ims", "secret");
    private SmtpFront imapRelay;
    private UnitFixture unit;
    /** The message's state in the seen store at the moment the unit marked it deleted, one per deletion. */
    private final List<SeenMessages.State> stateWhenDeleted = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server.start();
        imapRelay = new SmtpFront(server.port(ServerSetup.PROTOCOL_IMAP), SmtpFront.Mode.RELAY);
        inbox().addListener(new FolderListener() {
            @Override
            public void flagsUpdated(int msn, Flags flags, Long uid) {
                if (flags.contains(Flags.Flag.DELETED)) {
                    // On the server's thread, while the unit waits for the STORE's answer.
                    String key = keyOf(msn);
                    stateWhenDeleted.add(unit.store().call(s -> s.seenMessages().lookup(key)).join());
                }
            }

            @Override
            public void added(int msn) {
            }

            @Override
            public void expunged(int msn) {
            }

            @Override
            public void mailboxDeleted() {
            }
        });
        unit = UnitFixture.start("""
                unit: {name: Lab, time-zone: UTC}
                email:
                  smtp: {server: 127.0.0.1, port: %d, security: none}
                  return-address: ims@example.com
                  two-way: {enabled: true, address: ims@example.com, protocol: imap, server: 127.0.0.1, port: %d,
                            username: ims, password: secret, poll-interval: 1h}
                profiles:
                  - username: alice
                    password: wonderland
                    level: master
                    contacts: [{email: alice@example.com}]
                """.formatted(server.port(ServerSetup.PROTOCOL_SMTP), imapRelay.port()));
    }

    @AfterEach
    void stop() {
        if (unit != null) {
            unit.close();
        }
        imapRelay.close();
        server.stop();
    }

    private MailFolder inbox() throws FolderException {
        return server.getManagers().getImapHostManager().getInbox(mailbox);
    }

    /** The Message-ID of the message with this message number, the key of the seen store. */
    private String keyOf(int msn) {
        try {
            long uid = inbox().getMessageUids()[msn - 1];
            return inbox().getMessage(uid).getMimeMessage().getMessageID();
        } catch (FolderException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void deliver(String messageId, String command) {
        try {
            MimeMessage mail = new MimeMessage(SESSION) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            mail.setFrom(new InternetAddress(ALICE));
            mail.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(UNIT_ADDRESS));
            mail.setSubject("ims4000");
            mail.setSentDate(new Date());
            mail.setText("username: alice\r\nemail: alice@example.com\r\ncommand: " + command + "\r\n", "UTF-8");
            mail.saveChanges();
            mailbox.deliver(mail);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A bounded wait that ignores other threads' uncaught exceptions: GreenMail's connection threads
     * end with one whenever a client goes away (a dropped connection, the last test's unit).
     */
    private static ConditionFactory within(Duration atMost) {
        return Soon.within(atMost).dontCatchUncaughtExceptions();
    }

    private static ConditionFactory soon() {
        return within(Duration.ofSeconds(5));
    }

    private int mailboxSize() throws FolderException {
        return inbox().getMessageCount();
    }

    private int repliesToAlice() {
        return (int) server.findReceivedMessages(u -> u.getEmail().equals(ALICE), m -> true).count();
    }

    @Test
    void aCommandIdleAnnouncesIsHandledOnThatConnectionAndDeletedOnlyOnceItsReplyIsStored() throws Exception {
        deliver("<one@client.example.org>", "status");
        soon().until(() -> repliesToAlice() == 1 && mailboxSize() == 0);
        deliver("<two@client.example.org>", "help");
        soon().until(() -> repliesToAlice() == 2 && mailboxSize() == 0);

        assertThat(stateWhenDeleted).as("marked seen, with its reply, before it was deleted")
                .containsExactly(SeenMessages.State.SEEN, SeenMessages.State.SEEN);
        assertThat(imapRelay.connections()).as("the poll read the mailbox on the IDLE connection").isEqualTo(1);
        assertThat(unit.clock().nextDue()).as("no poll came from the clock").isPresent();
    }

    @Test
    void aDroppedIdleConnectionIsMadeAgainAndTheNextCommandIsAnswered() throws Exception {
        deliver("<before@client.example.org>", "status");
        soon().until(() -> repliesToAlice() == 1 && mailboxSize() == 0);
        assertThat(imapRelay.connections()).isEqualTo(1);

        imapRelay.dropConnections();
        deliver("<after@client.example.org>", "help");
        // Connected again at once: well before the 5 s a second failure in a row would wait.
        within(Duration.ofSeconds(4)).until(() -> repliesToAlice() == 2 && mailboxSize() == 0);
        assertThat(imapRelay.connections()).isGreaterThanOrEqualTo(2);
        assertThat(stateWhenDeleted).containsOnly(SeenMessages.State.SEEN).hasSize(2);
    }

    @Test
    void aConnectionLostOnceIsMadeAgainAtOnceThenAfterABackOff() {
        assertThat(IdleWatcher.retryAfter(1)).isZero();
        assertThat(IdleWatcher.retryAfter(2)).isEqualTo(Duration.ofSeconds(5));
        assertThat(IdleWatcher.retryAfter(3)).isEqualTo(Duration.ofSeconds(10));
        assertThat(IdleWatcher.retryAfter(100)).isEqualTo(Duration.ofMinutes(5));
    }
}
