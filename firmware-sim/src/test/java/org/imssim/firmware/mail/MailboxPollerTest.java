package org.imssim.firmware.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imssim.firmware.testing.Soon.soon;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.imssim.firmware.mail.outbound.NoDelayGreenMail;
import org.imssim.firmware.mail.outbound.SmtpFront;
import org.imssim.firmware.store.SeenMessages;
import org.imssim.firmware.store.Store;
import org.imssim.firmware.store.StoredEvent;
import org.imssim.firmware.testing.UnitFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading the unit's mailbox (SPEC §7, "Handling order and durability") against GreenMail over
 * POP3 on loopback, with the unit on a virtual clock: a poll happens when the test advances the
 * clock, and then does real POP3 and SMTP I/O on the unit's own threads, which the test awaits.
 */
class MailboxPollerTest {

    private static final String UNIT_ADDRESS = "ims@example.com";
    private static final String ALICE = "alice@example.com";
    private static final Instant T0 = UnitFixture.START;
    private static final Session SESSION = Session.getInstance(new Properties());

    private final NoDelayGreenMail server = new NoDelayGreenMail(ServerSetup.PROTOCOL_SMTP, ServerSetup.PROTOCOL_POP3,
            ServerSetup.PROTOCOL_IMAP);
    private final GreenMailUser mailbox = server.setUser(UNIT_ADDRESS, "ims", "secret");
    private UnitFixture unit;
    private GreenMail laterPop3;

    @TempDir
    Path storage;

    MailboxPollerTest() {
        server.start();
    }

    @AfterEach
    void stop() {
        if (unit != null) {
            unit.close();
        }
        server.stop();
        if (laterPop3 != null) {
            laterPop3.stop();
        }
    }

    private static String config(int smtpPort, String returnAddress, int pop3Port) {
        return """
                unit: {name: Lab, time-zone: UTC}
                email:
                  smtp: {server: 127.0.0.1, port: %d, security: none}
                  %s
                  two-way: {enabled: true, address: ims@example.com, server: 127.0.0.1, port: %d, username: ims,
                            password: secret, poll-interval: 1s}
                profiles:
                  - username: alice
                    password: wonderland
                    level: master
                    contacts: [{email: alice@example.com}]
                """.formatted(smtpPort, returnAddress == null ? "" : "return-address: " + returnAddress, pop3Port);
    }

    private String config() {
        return config(server.port(ServerSetup.PROTOCOL_SMTP), UNIT_ADDRESS, server.port(ServerSetup.PROTOCOL_POP3));
    }

    /** A command mail from alice, put into the unit's mailbox as the server's delivery would. */
    private static void deliver(GreenMailUser to, String messageId, String command, String padding) {
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
            mail.setText("username: alice\r\nemail: alice@example.com\r\ncommand: " + command + "\r\n" + padding, "UTF-8");
            mail.saveChanges();
            to.deliver(mail);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void deliver(String messageId, String command) {
        deliver(mailbox, messageId, command, "");
    }

    private int mailboxSize() {
        try {
            return server.getManagers().getImapHostManager().getInbox(mailbox).getMessageCount();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<MimeMessage> mailsToAlice() {
        return server.findReceivedMessages(u -> u.getEmail().equals(ALICE), m -> true).toList();
    }

    private static String inReplyTo(MimeMessage reply) {
        try {
            return reply.getHeader("In-Reply-To", null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String eventText) {
        return unit.eventTexts().stream().filter(eventText::equals).count();
    }

    private String mailboxHealth() {
        return unit.onLoop(() -> unit.unit().health()).mailbox();
    }

    /**
     * Waits until the unit has set its next poll, and checks that it is at {@code at}. (The
     * {@code system/mailbox} alarm's 15-minute recognition timer, set at the first failure, is
     * due later than any poll here.)
     */
    private void awaitPollAt(Instant at) {
        soon().until(() -> unit.clock().nextDue().filter(due -> due.isBefore(T0.plusSeconds(15 * 60))).isPresent());
        assertThat(unit.clock().nextDue()).contains(at);
    }

    private SeenMessages.State seen(String key) {
        return unit.store().call(s -> s.seenMessages().lookup(key)).join();
    }

    @Test
    void aMessageInProgressWhenTheUnitStoppedIsDeletedAtTheNextStartWithoutAReply() throws Exception {
        String crashed = "<crashed@client.example.org>";
        // The state a crash while handling leaves: marked in progress, still in the mailbox.
        try (Store store = Store.open(storage)) {
            store.seenMessages().markInProgress(crashed, T0.minusSeconds(30));
        }
        deliver(crashed, "status");
        deliver("<after@client.example.org>", "help");

        unit = UnitFixture.startOn(storage, config());
        soon().until(() -> count("Could not handle message") == 1);
        assertThat(mailboxSize()).as("deleted at the next poll, not at start").isEqualTo(2);

        awaitPollAt(T0);
        unit.clock().advance(Duration.ZERO);
        soon().until(() -> mailsToAlice().size() == 1 && mailboxSize() == 0);

        // The message after it was answered, so the poll went past the crashed one: no reply to it.
        assertThat(inReplyTo(mailsToAlice().get(0))).isEqualTo("<after@client.example.org>");
        unit.clock().advance(Duration.ofSeconds(5));
        assertThat(mailsToAlice()).hasSize(1);
        assertThat(count("Could not handle message")).isEqualTo(1);
        assertThat(count("Rejected mail: duplicate")).as("it was never answered, so it is no duplicate").isZero();
        assertThat(unit.eventTexts()).noneMatch(t -> t.startsWith("Command from alice: status"))
                .anyMatch(t -> t.startsWith("Command from alice: help"));
        assertThat(seen(crashed)).isEqualTo(SeenMessages.State.SEEN);
    }

    @Test
    void oneLookAnswersItsMessagesInMailboxOrderEachOnceWhateverStandsBetweenThem() throws Exception {
        deliver("<a@client.example.org>", "status");
        deliver("<a@client.example.org>", "status"); // the same message again, right after it
        deliver(mailbox, "<big@client.example.org>", "status", ("y".repeat(76) + "\r\n").repeat(14_000));
        deliver("<b@client.example.org>", "help");
        deliver("<c@client.example.org>", "status");
        unit = UnitFixture.start(config());
        // What every synced commit of the store leaves, as a crash right after it would find it.
        List<List<String>> inProgressAtCommits = new CopyOnWriteArrayList<>();
        List<String> bSeenBeforeCAdmitted = new CopyOnWriteArrayList<>();
        List<String> eventsWithBsReply = new CopyOnWriteArrayList<>();
        unit.store().addRider(s -> {
            inProgressAtCommits.add(s.seenMessages().inProgress());
            if (s.seenMessages().lookup("<b@client.example.org>") == SeenMessages.State.SEEN) {
                if (s.seenMessages().lookup("<c@client.example.org>") == SeenMessages.State.UNKNOWN) {
                    bSeenBeforeCAdmitted.add("b seen, c unknown");
                }
                if (eventsWithBsReply.isEmpty()) {
                    eventsWithBsReply.addAll(s.events().newest(20).stream().map(StoredEvent::text).toList());
                }
            }
        });

        awaitPollAt(T0);
        unit.clock().advance(Duration.ZERO);
        soon().until(() -> mailsToAlice().size() == 3 && mailboxSize() == 0);

        assertThat(mailsToAlice()).extracting(MailboxPollerTest::inReplyTo)
                .containsExactly("<a@client.example.org>", "<b@client.example.org>", "<c@client.example.org>");
        assertThat(count("Rejected mail: duplicate")).isEqualTo(1);
        assertThat(count("Rejected mail: too large")).isEqualTo(1);
        for (String key : List.of("<a@client.example.org>", "<b@client.example.org>", "<c@client.example.org>")) {
            assertThat(seen(key)).as(key).isEqualTo(SeenMessages.State.SEEN);
        }
        // A crash at any commit would have found at most one message in progress: the one that
        // crashed the unit, never one merely waiting its turn.
        assertThat(inProgressAtCommits).isNotEmpty().allSatisfy(keys -> assertThat(keys).hasSizeLessThanOrEqualTo(1));
        // The message after a handled one is admitted in the commit of that one's reply.
        assertThat(inProgressAtCommits).contains(List.of("<c@client.example.org>"));
        assertThat(bSeenBeforeCAdmitted).as("c was read, and marked in progress with b's reply").isEmpty();
        assertThat(eventsWithBsReply).as("the command's event is stored in its reply's commit")
                .anyMatch(t -> t.startsWith("Command from alice: help"));
        assertThat(unit.store().call(s -> s.seenMessages().inProgress()).join()).isEmpty();
    }

    @Test
    void aPollThatFoundMailIsFollowedByAnotherSoonWhateverTheInterval() throws Exception {
        unit = UnitFixture.start(config().replace("poll-interval: 1s", "poll-interval: 60s"));
        awaitPollAt(T0);
        unit.clock().advance(Duration.ZERO);
        awaitPollAt(T0.plusSeconds(60));

        deliver("<one@client.example.org>", "help");
        unit.clock().advance(Duration.ofSeconds(60));
        soon().until(() -> mailsToAlice().size() == 1);
        awaitPollAt(T0.plus(Duration.ofSeconds(60).plus(MailboxPoller.AFTER_MAIL)));

        unit.clock().advance(MailboxPoller.AFTER_MAIL);
        awaitPollAt(T0.plus(Duration.ofSeconds(120).plus(MailboxPoller.AFTER_MAIL)));
    }

    @Test
    void aPollWhoseConnectionDropsIsFollowedByAnotherSoonAndTheRestIsAnswered() throws Exception {
        for (String id : List.of("a", "b", "c", "d")) {
            deliver("<" + id + "@client.example.org>", "help");
        }
        try (SmtpFront relay = new SmtpFront(server.port(ServerSetup.PROTOCOL_POP3), SmtpFront.Mode.RELAY)) {
            unit = UnitFixture.start(config(server.port(ServerSetup.PROTOCOL_SMTP), UNIT_ADDRESS, relay.port())
                    .replace("poll-interval: 1s", "poll-interval: 60s"));
            // The connection drops as the first reply is stored: the poll fails part-way through.
            AtomicBoolean dropped = new AtomicBoolean();
            unit.store().addRider(s -> {
                if (s.seenMessages().lookup("<a@client.example.org>") == SeenMessages.State.SEEN
                        && dropped.compareAndSet(false, true)) {
                    relay.dropConnections();
                }
            });
            awaitPollAt(T0);
            unit.clock().advance(Duration.ZERO);
            soon().until(dropped::get);
            awaitPollAt(T0.plus(MailboxPoller.AFTER_MAIL));
            soon().until(() -> !mailsToAlice().isEmpty());
            assertThat(mailsToAlice().size()).as("some answered, not all").isLessThan(4);

            unit.clock().advance(MailboxPoller.AFTER_MAIL);
            soon().until(() -> mailsToAlice().size() == 4 && mailboxSize() == 0);
            assertThat(mailsToAlice()).extracting(MailboxPollerTest::inReplyTo).containsExactly(
                    "<a@client.example.org>", "<b@client.example.org>", "<c@client.example.org>", "<d@client.example.org>");
            awaitPollAt(T0.plus(MailboxPoller.AFTER_MAIL.multipliedBy(2)));
        }
    }

    @Test
    void aSecondPollInARowWhoseConnectionDropsIsFollowedByTheNextOnlyAfterTheInterval() throws Exception {
        List<String> ids = List.of("a", "b", "c", "d", "e", "f").stream().map(id -> "<" + id + "@client.example.org>").toList();
        ids.forEach(id -> deliver(id, "help"));
        try (SmtpFront relay = new SmtpFront(server.port(ServerSetup.PROTOCOL_POP3), SmtpFront.Mode.RELAY)) {
            unit = UnitFixture.start(config(server.port(ServerSetup.PROTOCOL_SMTP), UNIT_ADDRESS, relay.port())
                    .replace("poll-interval: 1s", "poll-interval: 60s"));
            // Each poll breaks off as the first reply it stores is committed, with messages left to read.
            Set<String> seenBefore = ConcurrentHashMap.newKeySet();
            AtomicInteger drops = new AtomicInteger();
            AtomicBoolean armed = new AtomicBoolean(true);
            unit.store().addRider(s -> {
                boolean news = ids.stream().anyMatch(id -> !seenBefore.contains(id)
                        && s.seenMessages().lookup(id) == SeenMessages.State.SEEN);
                if (news && armed.compareAndSet(true, false)) {
                    relay.dropConnections();
                    drops.incrementAndGet();
                }
            });
            awaitPollAt(T0);
            unit.clock().advance(Duration.ZERO);
            soon().until(() -> drops.get() == 1);
            awaitPollAt(T0.plus(MailboxPoller.AFTER_MAIL));

            seenBefore.addAll(unit.store().call(s -> ids.stream()
                    .filter(id -> s.seenMessages().lookup(id) == SeenMessages.State.SEEN).toList()).join());
            assertThat(seenBefore).as("the first poll left messages").hasSizeLessThan(4);
            armed.set(true);
            unit.clock().advance(MailboxPoller.AFTER_MAIL);
            soon().until(() -> drops.get() == 2);
            awaitPollAt(T0.plus(MailboxPoller.AFTER_MAIL).plusSeconds(60));

            unit.clock().advance(Duration.ofSeconds(60));
            soon().until(() -> mailsToAlice().size() == 6 && mailboxSize() == 0);
        }
    }

    @Test
    void aMessageAnotherClientDeletesBeforeItIsReadIsPassedOverAndThePollGoesOn() throws Exception {
        for (int i = 1; i <= 20; i++) {
            deliver("<m%02d@client.example.org>".formatted(i), "help");
        }
        // The first 16 are fetched together with the first; m18 goes before its turn comes.
        AtomicBoolean deleted = new AtomicBoolean();
        // With IMAP the first poll comes with the unit's start (IDLE finds mail waiting), not with the clock.
        unit = UnitFixture.start(config(server.port(ServerSetup.PROTOCOL_SMTP), UNIT_ADDRESS,
                server.port(ServerSetup.PROTOCOL_IMAP)).replace("two-way: {enabled: true,", "two-way: {enabled: true, protocol: imap,")
                .replace("poll-interval: 1s", "poll-interval: 60s"), store -> store.addRider(s -> {
                    if (s.seenMessages().lookup("<m01@client.example.org>") == SeenMessages.State.SEEN
                            && deleted.compareAndSet(false, true)) {
                        deleteOnTheServer("<m18@client.example.org>");
                    }
                }));
        soon().until(() -> mailsToAlice().size() == 19 && mailboxSize() == 0);
        assertThat(deleted).isTrue();
        assertThat(mailsToAlice()).extracting(MailboxPollerTest::inReplyTo).doesNotContain("<m18@client.example.org>")
                .contains("<m17@client.example.org>", "<m19@client.example.org>", "<m20@client.example.org>");
        assertThat(unit.eventTexts()).noneMatch(t -> t.startsWith("Rejected mail") || t.startsWith("Mailbox"));
    }

    /** Deletes the message with this Message-ID from the unit's mailbox as another IMAP client would. */
    private void deleteOnTheServer(String messageId) {
        try {
            com.icegreen.greenmail.store.MailFolder inbox = server.getManagers().getImapHostManager().getInbox(mailbox);
            for (com.icegreen.greenmail.store.StoredMessage m : inbox.getMessages()) {
                if (messageId.equals(m.getMimeMessage().getMessageID())) {
                    inbox.setFlags(new jakarta.mail.Flags(jakarta.mail.Flags.Flag.DELETED), true, m.getUid(), null, true);
                }
            }
            inbox.expunge();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aMailboxThatIsDownIsOneEventPerOutageAndIsTriedWithBackOff() throws Exception {
        int pop3Port = UnusedPort.find();
        unit = UnitFixture.start(config(server.port(ServerSetup.PROTOCOL_SMTP), UNIT_ADDRESS, pop3Port));
        assertThat(mailboxHealth()).isEqualTo("ok");

        awaitPollAt(T0);
        unit.clock().advance(Duration.ZERO);
        awaitPollAt(T0.plusSeconds(5));
        assertThat(count("Mailbox not Responding")).isEqualTo(1);
        assertThat(mailboxHealth()).isEqualTo("failing");

        // 5 s, then 10 s, then 20 s between polls (the poll interval is 1 s), never earlier.
        Instant due = T0.plusSeconds(5);
        for (long wait : new long[] {10, 20}) {
            unit.clock().advance(Duration.between(unit.clock().now(), due).minusMillis(1));
            assertThat(unit.clock().nextDue()).as("no poll before the back-off").contains(due);
            unit.clock().advance(Duration.ofMillis(1));
            due = due.plusSeconds(wait);
            awaitPollAt(due);
        }
        assertThat(count("Mailbox not Responding")).as("once per outage, not per poll").isEqualTo(1);
        assertThat(mailboxHealth()).isEqualTo("failing");

        // The server is back, with a command waiting.
        laterPop3 = new GreenMail(new ServerSetup(pop3Port, "127.0.0.1", ServerSetup.PROTOCOL_POP3));
        GreenMailUser back = laterPop3.setUser(UNIT_ADDRESS, "ims", "secret");
        laterPop3.start();
        deliver(back, "<while-down@client.example.org>", "help", "");
        unit.clock().advance(Duration.between(unit.clock().now(), due));
        soon().until(() -> count("Mailbox responding") == 1);
        awaitPollAt(due.plusSeconds(1));
        assertThat(mailboxHealth()).isEqualTo("ok");
        soon().until(() -> mailsToAlice().size() == 1);
        assertThat(inReplyTo(mailsToAlice().get(0))).isEqualTo("<while-down@client.example.org>");

        unit.clock().advance(Duration.ofSeconds(1));
        awaitPollAt(due.plusSeconds(2));
        assertThat(count("Mailbox responding")).isEqualTo(1);
        assertThat(count("Mailbox not Responding")).isEqualTo(1);
    }

    @Test
    void aMessageOverOneMebibyteIsDeletedUnreadWithoutAReply() throws Exception {
        String big = "<big@client.example.org>";
        // A command the unit would answer, made too large by what follows it (about 1.07 MB).
        deliver(mailbox, big, "status", ("y".repeat(76) + "\r\n").repeat(14_000));
        deliver("<small@client.example.org>", "help");
        unit = UnitFixture.start(config());

        awaitPollAt(T0);
        unit.clock().advance(Duration.ZERO);
        soon().until(() -> mailsToAlice().size() == 1 && mailboxSize() == 0);

        assertThat(inReplyTo(mailsToAlice().get(0))).isEqualTo("<small@client.example.org>");
        assertThat(count("Rejected mail: too large")).isEqualTo(1);
        assertThat(seen(big)).as("never read, so never marked").isEqualTo(SeenMessages.State.UNKNOWN);
        assertThat(seen("<small@client.example.org>")).isEqualTo(SeenMessages.State.SEEN);
        assertThat(unit.eventTexts()).noneMatch(t -> t.startsWith("Command from alice: status"));
    }

    @Test
    void aCommandWhoseMessageIdAHeaderCannotCarryIsAnsweredWithoutInReplyTo() throws Exception {
        // Raw UTF-8 in a header, as a client on a host with an internationalised name writes it.
        String raw = "From: alice@example.com\r\nTo: ims@example.com\r\nSubject: ims4000\r\n"
                + "Message-ID: <4711@b\u00fccher.example>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                + "username: alice\r\nemail: alice@example.com\r\ncommand: status\r\n";
        Properties utf8 = new Properties();
        utf8.setProperty("mail.mime.allowutf8", "true");
        mailbox.deliver(new MimeMessage(Session.getInstance(utf8),
                new java.io.ByteArrayInputStream(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        deliver("<after@client.example.org>", "help");
        unit = UnitFixture.start(config());

        awaitPollAt(T0);
        unit.clock().advance(Duration.ZERO);
        soon().until(() -> mailsToAlice().size() == 2 && mailboxSize() == 0);
        assertThat(mailsToAlice().get(0).getHeader("In-Reply-To")).as("no header it could not carry").isNull();
        assertThat(inReplyTo(mailsToAlice().get(1))).isEqualTo("<after@client.example.org>");
        assertThat(seen("<4711@b\u00fccher.example>")).as("it was read and answered").isEqualTo(SeenMessages.State.SEEN);
        assertThat(count("Mail dropped: IMS-4000 reply: Lab")).isZero();
        soon().until(() -> unit.onLoop(() -> unit.unit().health()).outbox().pending() == 0);
    }

    @Test
    void aReplyThatCannotGoOutForWantOfAReturnAddressRecordsInvalidConfiguration() throws Exception {
        unit = UnitFixture.start(config(server.port(ServerSetup.PROTOCOL_SMTP), null, server.port(ServerSetup.PROTOCOL_POP3)));
        deliver("<one@client.example.org>", "help");

        awaitPollAt(T0);
        unit.clock().advance(Duration.ZERO);
        soon().until(() -> mailboxSize() == 0);
        soon().until(() -> count("Invalid Configuration") == 1);
        soon().until(() -> unit.onLoop(() -> unit.unit().health()).outbox().pending() == 1);
        assertThat(mailsToAlice()).isEmpty();
        assertThat(seen("<one@client.example.org>")).isEqualTo(SeenMessages.State.SEEN);
    }
}
