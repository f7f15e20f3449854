package org.imssim.firmware.mail.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.imssim.firmware.mail.mailbox.MailboxFixture.PASSWORD;
import static org.imssim.firmware.mail.mailbox.MailboxFixture.config;
import static org.imssim.firmware.mail.mailbox.MailboxFixture.deliver;
import static org.imssim.firmware.mail.mailbox.MailboxFixture.subjectOf;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.imssim.firmware.config.MailProtocol;
import org.imssim.firmware.config.Security;
import org.imssim.firmware.config.Trust;
import org.imssim.firmware.mail.mailbox.MailboxException.Kind;
import org.imssim.firmware.mail.outbound.NoDelayGreenMail;
import org.imssim.firmware.mail.outbound.SmtpFront;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** IMAP and IMAPS against GreenMail on loopback: UIDs, expunge, IDLE. */
class ImapMailboxTest {

    private static final Duration SOON = Duration.ofSeconds(5);

    private NoDelayGreenMail greenMail;
    private GreenMailUser user;
    private ExecutorService waiter;
    private ScheduledExecutorService timer;
    private final List<ImapMailbox> mailboxes = new ArrayList<>();

    @BeforeEach
    void startServer() {
        greenMail = new NoDelayGreenMail(ServerSetup.PROTOCOL_IMAP, ServerSetup.PROTOCOL_IMAPS);
        user = greenMail.setUser(MailboxFixture.ADDRESS, MailboxFixture.LOGIN, PASSWORD);
        greenMail.start();
        waiter = Executors.newSingleThreadExecutor();
        timer = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void stopServer() {
        mailboxes.forEach(ImapMailbox::close);
        waiter.shutdownNow();
        timer.shutdownNow();
        greenMail.stop();
    }

    /** A mailbox whose watchdog and write timeouts run on the test's timer, as the unit's would. */
    private ImapMailbox mailbox() {
        return track(new ImapMailbox(config(MailProtocol.IMAP, Security.NONE, greenMail.port(ServerSetup.PROTOCOL_IMAP),
                PASSWORD), Trust.SYSTEM, Duration.ofSeconds(10), Duration.ofSeconds(10), timer));
    }

    private ImapMailbox track(ImapMailbox mailbox) {
        mailboxes.add(mailbox);
        return mailbox;
    }

    /** A bounded wait that polls often; no sleeps. */
    private static ConditionFactory soon() {
        return Awaitility.await().atMost(SOON).pollInterval(Duration.ofMillis(10));
    }

    private CompletableFuture<Boolean> waitInBackground(ImapMailbox mailbox, Duration max) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return mailbox.waitForNews(max);
            } catch (MailboxException e) {
                throw new CompletionException(e);
            }
        }, waiter);
    }

    @Test
    void listsByUidFetchesAndExpungesOnClose() throws Exception {
        deliver(user, "ims4000 one");
        deliver(user, "ims4000 two");
        deliver(user, "ims4000 three");
        ImapMailbox mailbox = mailbox();
        long third;
        try (MailboxSession session = mailbox.open()) {
            List<MailboxMessage> listed = session.list();
            assertThat(listed).hasSize(3);
            assertThat(listed).extracting(MailboxMessage::id).isSorted().doesNotHaveDuplicates();
            List<String> subjects = new ArrayList<>();
            for (MailboxMessage message : listed) {
                byte[] raw = session.fetch(message);
                assertThat((long) raw.length).as("RFC822.SIZE of %s", message).isEqualTo(message.size());
                subjects.add(subjectOf(raw));
            }
            assertThat(subjects).containsExactly("ims4000 one", "ims4000 two", "ims4000 three");
            session.delete(listed.get(0));
            session.delete(listed.get(1));
            // Marked before the next look: a second list in the same session leaves them out.
            assertThat(session.list()).extracting(MailboxMessage::id).containsExactly(listed.get(2).id());
            third = listed.get(2).id();
        }
        try (MailboxSession session = mailbox.open()) {
            List<MailboxMessage> left = session.list();
            assertThat(left).extracting(MailboxMessage::id).containsExactly(third);
            assertThat(subjectOf(session.fetch(left.get(0)))).isEqualTo("ims4000 three");
        }
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void deletionsReachTheServerABatchAtATimeAndTheRestBeforeTheSessionEnds() throws Exception {
        int messages = FolderSession.DELETE_BATCH + 3;
        for (int i = 0; i < messages; i++) {
            deliver(user, "ims4000 " + i);
        }
        ImapMailbox mailbox = mailbox();
        try (MailboxSession session = mailbox.open()) {
            List<MailboxMessage> listed = session.list();
            for (int i = 0; i < FolderSession.DELETE_BATCH - 1; i++) {
                session.delete(listed.get(i));
            }
            assertThat(deletedOnServer()).as("not yet: one STORE carries a whole batch").isZero();
            session.delete(listed.get(FolderSession.DELETE_BATCH - 1));
            assertThat(deletedOnServer()).isEqualTo(FolderSession.DELETE_BATCH);
            session.delete(listed.get(FolderSession.DELETE_BATCH));
            assertThat(deletedOnServer()).isEqualTo(FolderSession.DELETE_BATCH);
        }
        assertThat(greenMail.getReceivedMessages()).as("the last delete went with the close's expunge").hasSize(2);
    }

    /** How many of the unit's messages the server holds marked {@code \\Deleted}. */
    private long deletedOnServer() throws Exception {
        return greenMail.getManagers().getImapHostManager().getInbox(user).getMessages().stream()
                .filter(m -> m.getFlags().contains(jakarta.mail.Flags.Flag.DELETED)).count();
    }

    @Test
    void fetchGivesTheOctetsTheServerHolds() throws Exception {
        deliver(user, "ims4000");
        byte[] stored = MailboxFixture.octets(greenMail.getReceivedMessages()[0]);
        try (MailboxSession session = mailbox().open()) {
            assertThat(session.fetch(session.list().get(0))).isEqualTo(stored);
        }
    }

    @Test
    void theMessagesAfterOneAreFetchedWithItInOneCommandOctetForOctet() throws Exception {
        for (int i = 0; i < 4; i++) {
            deliver(user, "ims4000 " + i);
        }
        MimeMessage[] received = greenMail.getReceivedMessages();
        try (MailboxSession session = mailbox().open()) {
            List<MailboxMessage> listed = session.list();
            assertThat(session.fetch(listed.get(0))).isEqualTo(MailboxFixture.octets(received[0]));
            // Gone from the server now: only a copy fetched with the first can give it.
            greenMail.getManagers().getImapHostManager().getInbox(user).deleteAllMessages();
            for (int i = 1; i < 4; i++) {
                assertThat(session.fetch(listed.get(i))).as("message %d", i).isEqualTo(MailboxFixture.octets(received[i]));
            }
        }
    }

    @Test
    void aMessageTooLargeToReadIsNotFetchedAhead() throws Exception {
        deliver(user, "ims4000 small");
        MimeMessage large = new MimeMessage((jakarta.mail.Session) null);
        large.setFrom(MailboxFixture.ADDRESS);
        large.setSubject("large");
        large.setText("z".repeat(76).concat("\r\n").repeat(14_000));
        large.saveChanges();
        user.deliver(large);
        deliver(user, "ims4000 after");
        try (MailboxSession session = mailbox().open()) {
            List<MailboxMessage> listed = session.list();
            assertThat(listed.get(1).size()).isGreaterThan(ImapSession.LARGEST_FETCHED_AHEAD);
            session.fetch(listed.get(0));
            greenMail.getManagers().getImapHostManager().getInbox(user).deleteAllMessages();
            assertThat(subjectOf(session.fetch(listed.get(2)))).isEqualTo("ims4000 after");
            MailboxException gone = catchThrowableOfType(() -> session.fetch(listed.get(1)), MailboxException.class);
            assertThat(gone).as("not fetched ahead, and gone from the server now").isNotNull();
            assertThat(gone.kind()).isEqualTo(Kind.GONE);
        }
    }

    @Test
    void greenMailOffersIdle() throws Exception {
        assertThat(mailbox().supportsIdle()).isTrue();
    }

    @Test
    void waitForNewsReturnsByItselfAfterMax() throws Exception {
        ImapMailbox mailbox = mailbox();
        long start = System.nanoTime();
        assertThat(mailbox.waitForNews(Duration.ofMillis(300))).isFalse();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300)).isLessThan(SOON);
    }

    @Test
    void waitForNewsReturnsByItselfWithTheJdkTimerToo() throws Exception {
        ImapMailbox mailbox = track(new ImapMailbox(
                config(MailProtocol.IMAP, Security.NONE, greenMail.port(ServerSetup.PROTOCOL_IMAP), PASSWORD), Trust.SYSTEM));
        long start = System.nanoTime();
        assertThat(mailbox.waitForNews(Duration.ofMillis(300))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(SOON);
    }

    @Test
    void waitForNewsWakesWhenMailArrives() throws Exception {
        ImapMailbox mailbox = mailbox();
        assertThat(mailbox.waitForNews(Duration.ofMillis(200))).isFalse(); // connected, nothing yet
        CompletableFuture<Boolean> news = waitInBackground(mailbox, Duration.ofSeconds(30));
        soon().until(mailbox::isIdling);
        deliver(user, "ims4000 while idle");
        soon().until(news::isDone);
        assertThat(news.join()).isTrue();
        // The same mail is not news a second time.
        assertThat(mailbox.waitForNews(Duration.ofMillis(200))).isFalse();
    }

    @Test
    void mailArrivingJustBeforeIdleStartsIsNewsWithinTheStartCheck() throws Exception {
        // The server announces it before IDLE begins, where idle(true) does not return for it.
        ImapMailbox mailbox = mailbox();
        assertThat(mailbox.waitForNews(Duration.ofMillis(100))).isFalse();
        AtomicBoolean delivered = new AtomicBoolean();
        mailbox.beforeIdle = () -> {
            if (delivered.compareAndSet(false, true)) {
                deliver(user, "ims4000 in the gap");
            }
        };
        long start = System.nanoTime();
        assertThat(mailbox.waitForNews(Duration.ofSeconds(30))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(SOON);
        assertThat(delivered).isTrue();
    }

    @Test
    void mailAlreadyThereIsNewsAtOnce() throws Exception {
        deliver(user, "ims4000 before the wait");
        ImapMailbox mailbox = mailbox();
        long start = System.nanoTime();
        assertThat(mailbox.waitForNews(Duration.ofSeconds(30))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(SOON);
        assertThat(mailbox.waitForNews(Duration.ofMillis(200))).isFalse();
    }

    @Test
    void mailHandledByAPollIsNotNewsButTheNextOneIs() throws Exception {
        ImapMailbox mailbox = mailbox();
        assertThat(mailbox.waitForNews(Duration.ofMillis(100))).isFalse();
        deliver(user, "ims4000 first");
        assertThat(mailbox.waitForNews(Duration.ofSeconds(30))).isTrue();
        try (MailboxSession session = mailbox.open()) {
            for (MailboxMessage message : session.list()) {
                session.delete(message);
            }
        }
        assertThat(mailbox.waitForNews(Duration.ofMillis(200))).isFalse();
        deliver(user, "ims4000 second");
        assertThat(mailbox.waitForNews(Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void aKeptConnectionTheServerDroppedIsReplaced() throws Exception {
        try (SmtpFront relay = new SmtpFront(greenMail.port(ServerSetup.PROTOCOL_IMAP), SmtpFront.Mode.RELAY)) {
            ImapMailbox mailbox = track(new ImapMailbox(config(MailProtocol.IMAP, Security.NONE, relay.port(), PASSWORD),
                    Trust.SYSTEM, Duration.ofSeconds(10), Duration.ofSeconds(10), timer));
            assertThat(mailbox.waitForNews(Duration.ofMillis(100))).isFalse();
            relay.dropConnections();
            deliver(user, "ims4000 after the drop");
            assertThat(mailbox.waitForNews(Duration.ofSeconds(30))).isTrue();
            assertThat(relay.connections()).isEqualTo(2);
        }
    }

    @Test
    void aSessionAfterNewsRunsOnTheConnectionThatAnnouncedItAndDeletesOnlyAtClose() throws Exception {
        try (SmtpFront relay = new SmtpFront(greenMail.port(ServerSetup.PROTOCOL_IMAP), SmtpFront.Mode.RELAY)) {
            ImapMailbox mailbox = track(new ImapMailbox(config(MailProtocol.IMAP, Security.NONE, relay.port(), PASSWORD),
                    Trust.SYSTEM, Duration.ofSeconds(10), Duration.ofSeconds(10), timer));
            assertThat(mailbox.waitForNews(Duration.ofMillis(100))).isFalse();
            deliver(user, "ims4000 one");
            assertThat(mailbox.waitForNews(Duration.ofSeconds(30))).isTrue();
            try (MailboxSession session = mailbox.open()) {
                assertThat(mailbox.idleConnectionLent()).isTrue();
                List<MailboxMessage> listed = session.list();
                assertThat(listed).hasSize(1);
                assertThat(subjectOf(session.fetch(listed.get(0)))).isEqualTo("ims4000 one");
                session.delete(listed.get(0));
                assertThat(greenMail.getReceivedMessages()).as("marked, not yet expunged").hasSize(1);
            }
            assertThat(mailbox.idleConnectionLent()).isFalse();
            assertThat(greenMail.getReceivedMessages()).as("expunged at close").isEmpty();
            // The same connection, INBOX still selected, waits again and announces the next mail.
            assertThat(mailbox.waitForNews(Duration.ofMillis(200))).isFalse();
            deliver(user, "ims4000 two");
            assertThat(mailbox.waitForNews(Duration.ofSeconds(30))).isTrue();
            try (MailboxSession session = mailbox.open()) {
                assertThat(session.list()).hasSize(1);
            }
            assertThat(relay.connections()).as("one connection for waiting and both sessions").isEqualTo(1);
        }
    }

    @Test
    void aSessionDuringAWaitUsesAConnectionOfItsOwnAndTheWaitGoesOn() throws Exception {
        try (SmtpFront relay = new SmtpFront(greenMail.port(ServerSetup.PROTOCOL_IMAP), SmtpFront.Mode.RELAY)) {
            ImapMailbox mailbox = track(new ImapMailbox(config(MailProtocol.IMAP, Security.NONE, relay.port(), PASSWORD),
                    Trust.SYSTEM, Duration.ofSeconds(10), Duration.ofSeconds(10), timer));
            assertThat(mailbox.waitForNews(Duration.ofMillis(100))).isFalse();
            CompletableFuture<Boolean> news = waitInBackground(mailbox, Duration.ofSeconds(30));
            soon().until(mailbox::isIdling);
            try (MailboxSession session = mailbox.open()) {
                assertThat(mailbox.idleConnectionLent()).isFalse();
                assertThat(session.list()).isEmpty();
            }
            assertThat(relay.connections()).isEqualTo(2);
            assertThat(news).isNotDone();
            deliver(user, "ims4000 while idle");
            soon().until(news::isDone);
            assertThat(news.join()).isTrue();
        }
    }

    @Test
    void aWaitBegunWhileASessionUsesTheConnectionStartsWhenTheSessionEnds() throws Exception {
        ImapMailbox mailbox = mailbox();
        deliver(user, "ims4000 one");
        assertThat(mailbox.waitForNews(Duration.ofSeconds(30))).isTrue();
        CompletableFuture<Boolean> news;
        try (MailboxSession session = mailbox.open()) {
            assertThat(mailbox.idleConnectionLent()).isTrue();
            news = waitInBackground(mailbox, Duration.ofSeconds(30));
            session.delete(session.list().get(0));
            deliver(user, "ims4000 two");
            assertThat(mailbox.isIdling()).isFalse();
        }
        soon().until(news::isDone);
        assertThat(news.join()).as("two arrived during the session").isTrue();
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        try (MailboxSession session = mailbox.open()) {
            assertThat(mailbox.idleConnectionLent()).isTrue();
            List<MailboxMessage> listed = session.list();
            assertThat(listed).hasSize(1);
            assertThat(subjectOf(session.fetch(listed.get(0)))).isEqualTo("ims4000 two");
        }
    }

    @Test
    void mailExpungedAndMailArrivingJustBeforeIdleStartsIsStillNews() throws Exception {
        // The count stays as it was (one message out, one in): the start check counts announcements.
        deliver(user, "ims4000 old");
        ImapMailbox mailbox = mailbox();
        assertThat(mailbox.waitForNews(Duration.ofSeconds(30))).isTrue();
        AtomicBoolean swapped = new AtomicBoolean();
        mailbox.beforeIdle = () -> {
            if (swapped.compareAndSet(false, true)) {
                expungeAll();
                deliver(user, "ims4000 new");
            }
        };
        long start = System.nanoTime();
        assertThat(mailbox.waitForNews(Duration.ofSeconds(30))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(SOON);
        assertThat(swapped).isTrue();
    }

    /** Deletes every message of the user's INBOX on the server's side, as another client would. */
    private void expungeAll() {
        try {
            MailFolder inbox = greenMail.getManagers().getImapHostManager().getInbox(user);
            for (long uid : inbox.getMessageUids()) {
                inbox.setFlags(new Flags(Flags.Flag.DELETED), true, uid, null, true);
            }
            inbox.expunge();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void closeEndsAWaitInProgress() throws Exception {
        ImapMailbox mailbox = mailbox();
        CompletableFuture<Boolean> news = waitInBackground(mailbox, Duration.ofSeconds(30));
        soon().until(mailbox::isIdling);
        mailbox.close();
        soon().until(news::isDone);
        assertThat(news.join()).isFalse();
        // Usable again: the next wait connects anew.
        assertThat(mailbox.waitForNews(Duration.ofMillis(100))).isFalse();
    }

    @Test
    void aWrongPasswordIsAnAuthenticationFailure() {
        ImapMailbox mailbox = track(new ImapMailbox(
                config(MailProtocol.IMAP, Security.NONE, greenMail.port(ServerSetup.PROTOCOL_IMAP), "wrong"), Trust.SYSTEM));
        MailboxException opening = catchThrowableOfType(MailboxException.class, mailbox::open);
        assertThat(opening.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(opening).hasMessage("The mailbox server did not accept the login.").hasNoCause();
        MailboxException waiting = catchThrowableOfType(MailboxException.class, () -> mailbox.waitForNews(SOON));
        assertThat(waiting.kind()).isEqualTo(Kind.AUTHENTICATION);
    }

    @Test
    void imapsWithTrustAll() throws Exception {
        deliver(user, "ims4000 over tls");
        ImapMailbox mailbox = track(new ImapMailbox(
                config(MailProtocol.IMAP, Security.TLS, greenMail.port(ServerSetup.PROTOCOL_IMAPS), PASSWORD), Trust.ALL));
        try (MailboxSession session = mailbox.open()) {
            List<MailboxMessage> listed = session.list();
            assertThat(listed).hasSize(1);
            assertThat(subjectOf(session.fetch(listed.get(0)))).isEqualTo("ims4000 over tls");
        }
        assertThat(mailbox.waitForNews(Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void imapsWithSystemTrustRefusesASelfSignedCertificate() {
        ImapMailbox mailbox = track(new ImapMailbox(
                config(MailProtocol.IMAP, Security.TLS, greenMail.port(ServerSetup.PROTOCOL_IMAPS), PASSWORD), Trust.SYSTEM));
        MailboxException e = catchThrowableOfType(MailboxException.class, mailbox::open);
        assertThat(e.kind()).isEqualTo(Kind.TLS);
        assertThat(e).hasNoCause();
    }

    @Test
    void theLoggedInConnectionServesTheNextSessionAndALostOneIsReplacedQuietly() throws Exception {
        ImapMailbox mailbox = mailbox();
        MailboxFixture.deliver(user, "one");
        try (MailboxSession session = mailbox.open()) {
            assertThat(session.list()).hasSize(1);
        }
        jakarta.mail.Store first = mailbox.keptConnection();
        assertThat(first).isNotNull();
        assertThat(first.isConnected()).isTrue();

        MailboxFixture.deliver(user, "two");
        try (MailboxSession session = mailbox.open()) {
            assertThat(session.list()).hasSize(2);
            assertThat(mailbox.keptConnection()).as("in use, not kept").isNull();
        }
        assertThat(mailbox.keptConnection()).isSameAs(first);

        first.close(); // as if the connection was lost while idle
        try (MailboxSession session = mailbox.open()) {
            assertThat(session.list()).hasSize(2);
        }
        assertThat(mailbox.keptConnection()).isNotSameAs(first).isNotNull();

        mailbox.close();
        assertThat(mailbox.keptConnection()).isNull();
    }

    @Test
    void afterAnotherClientsExpungeAFetchStillGivesTheListedMessage() throws Exception {
        deliverFour();
        try (MailboxSession session = mailbox().open()) {
            List<MailboxMessage> listed = session.list();
            expungeTheFirstTwoFromAnotherClient();
            assertThat(subjectOf(session.fetch(listed.get(3)))).isEqualTo("ims4000 four");
            assertThat(subjectOf(session.fetch(listed.get(2)))).isEqualTo("ims4000 three");
        }
    }

    @Test
    void afterAnotherClientsExpungeADeleteStillDeletesTheListedMessage() throws Exception {
        deliverFour();
        try (MailboxSession session = mailbox().open()) {
            List<MailboxMessage> listed = session.list();
            expungeTheFirstTwoFromAnotherClient();
            session.delete(listed.get(2));
        }
        assertThat(greenMail.getReceivedMessages()).extracting(MimeMessage::getSubject).containsExactly("ims4000 four");
    }

    private void deliverFour() {
        for (String n : List.of("one", "two", "three", "four")) {
            deliver(user, "ims4000 " + n);
        }
    }

    /**
     * Another IMAP client deletes and expunges the first two messages. GreenMail tells the unit's
     * connection nothing of it, so its sequence numbers name other messages from then on.
     */
    private void expungeTheFirstTwoFromAnotherClient() throws Exception {
        jakarta.mail.Store other = jakarta.mail.Session.getInstance(new java.util.Properties()).getStore("imap");
        other.connect("127.0.0.1", greenMail.port(ServerSetup.PROTOCOL_IMAP), MailboxFixture.LOGIN, PASSWORD);
        try {
            jakarta.mail.Folder inbox = other.getFolder("INBOX");
            inbox.open(jakarta.mail.Folder.READ_WRITE);
            inbox.getMessage(1).setFlag(Flags.Flag.DELETED, true);
            inbox.getMessage(2).setFlag(Flags.Flag.DELETED, true);
            inbox.close(true);
        } finally {
            other.close();
        }
    }

    /** An IMAP mailbox on a {@link ScriptedImapServer}. */
    private ImapMailbox scripted(ScriptedImapServer server) {
        return track(new ImapMailbox(config(MailProtocol.IMAP, Security.NONE, server.port(), PASSWORD), Trust.SYSTEM,
                Duration.ofSeconds(10), Duration.ofSeconds(10), timer));
    }

    @Test
    void aFetchResponseForAnotherMessageDuringTheListingAddsNoMessageAndNoSizeOfZero() throws Exception {
        try (ScriptedImapServer server = new ScriptedImapServer(2, range -> List.of(
                "* 2 FETCH (FLAGS (\\Flagged) UID 11)", // another client flagged it, announced in between
                "* 1 FETCH (UID 10 RFC822.SIZE 37 FLAGS ())",
                "* 2 FETCH (UID 11 RFC822.SIZE 43 FLAGS (\\Flagged))",
                "OK fetched"));
             MailboxSession session = scripted(server).open()) {
            assertThat(session.list()).containsExactly(new MailboxMessage(10, 37), new MailboxMessage(11, 43));
        }
    }

    @Test
    void aMessageMarkedDeletedIsLeftOutOfTheListingWhicheverResponseSaysSo() throws Exception {
        try (ScriptedImapServer server = new ScriptedImapServer(2, range -> List.of(
                "* 1 FETCH (UID 10 RFC822.SIZE 37 FLAGS ())",
                "* 2 FETCH (UID 11 RFC822.SIZE 43)",
                "* 2 FETCH (UID 11 FLAGS (\\Deleted))",
                "OK fetched"));
             MailboxSession session = scripted(server).open()) {
            assertThat(session.list()).containsExactly(new MailboxMessage(10, 37));
        }
    }

    @Test
    void aServerThatRefusesOneToStarForAnEmptyMailboxHasAnEmptyMailbox() throws Exception {
        try (ScriptedImapServer server = new ScriptedImapServer(0, range -> List.of("BAD invalid sequence set"));
             MailboxSession session = scripted(server).open()) {
            assertThat(session.list()).isEmpty();
            assertThat(server.commands).anyMatch(c -> c.contains("UID FETCH 1:* (UID RFC822.SIZE FLAGS)"));
        }
    }

    @Test
    void aServerThatRefusesTheListingOfAMailboxWithMessagesIsAFailure() throws Exception {
        try (ScriptedImapServer server = new ScriptedImapServer(3, range -> List.of("NO not now"));
             MailboxSession session = scripted(server).open()) {
            MailboxException failure = catchThrowableOfType(session::list, MailboxException.class);
            assertThat(failure).isNotNull();
            assertThat(failure.getMessage()).isEqualTo(MailboxException.Kind.OTHER.sentence());
        }
    }

    @Test
    void aMailboxClosedWhileItsIdleConnectionIsBeingMadeEndsTheWaitAndClosesThatConnection() throws Exception {
        CountDownLatch selecting = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        try (ScriptedImapServer server = new ScriptedImapServer(0, range -> List.of("OK fetched"))) {
            server.beforeSelect = () -> {
                selecting.countDown();
                try {
                    goOn.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            ImapMailbox mailbox = scripted(server);
            CompletableFuture<Boolean> news = waitInBackground(mailbox, Duration.ofSeconds(30));
            assertThat(selecting.await(5, TimeUnit.SECONDS)).isTrue();
            mailbox.close(); // the unit stops while the connection is being made
            goOn.countDown();
            soon().until(news::isDone);
            assertThat(news.join()).isFalse();
            soon().until(() -> server.ended.get() == 1);
        }
    }
}
