package org.imssim.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.awaitility.core.ConditionFactory;
import org.imssim.firmware.mail.outbound.OutgoingMail;
import org.imssim.firmware.store.NewMail;
import org.imssim.firmware.store.SeenMessages;
import org.imssim.firmware.store.Store;
import org.imssim.firmware.store.StoredMail;
import org.imssim.tests.mail.MailServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Durable before acknowledged" (ARCHITECTURE.md; SPEC §6 and §7) across a hard crash: the unit runs
 * as {@code imssim run} in a child JVM and is ended with SIGKILL, so no shutdown hook, no QUIT,
 * nothing but what the store had synced survives; then it is started again on the same storage.
 *
 * <p>Where a crash must fall between two steps of the handling order (the reply stored, the
 * message not yet deleted; a message marked in progress, its reply not yet stored), the test
 * prepares that state in the store with the store's own API while no unit runs, instead of
 * racing a SIGKILL against the unit: those windows last microseconds, and a test that hit them by
 * timing would pass without having tested anything whenever it missed. The state prepared is
 * exactly what the unit writes at that point (SeenMessages' documented order), so the restart is
 * tested against it every time.
 */
class MailCrashTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern API = Pattern.compile("API at http://127\\.0\\.0\\.1:(\\d+)/");
    private static final String ALICE = "alice@example.com";
    private static final String BOB = "bob@example.com";

    @TempDir
    Path dir;

    private final MailServer mail = new MailServer(ALICE, BOB);
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        mail.close();
    }

    private Path data() {
        return dir.resolve("data");
    }

    private Path config(int smtpPort) throws Exception {
        Path file = dir.resolve("imssim.yaml");
        Files.writeString(file, """
                unit: {name: Server Room, temperature-unit: F, time-zone: UTC}
                email:
                  smtp: {server: 127.0.0.1, port: %d, security: none}
                  return-address: %s
                  two-way: {enabled: true, address: %s, server: 127.0.0.1, port: %d, username: %s, password: %s,
                            poll-interval: 1s}
                storage: {dir: "%s"}
                web: {bind: 127.0.0.1, port: 0}
                powergates:
                  - {number: 1, name: Rack A, outlets: 2, outlet-names: [Router, Switch], backend: mock}
                profiles:
                  - username: alice
                    password: wonderland
                    level: master
                    contacts: [{email: alice@example.com}]
                  - username: bob
                    password: builder
                    level: master
                    contacts: [{email: bob@example.com}]
                """.formatted(smtpPort, MailServer.UNIT, MailServer.UNIT, mail.pop3Port(), MailServer.UNIT,
                MailServer.PASSWORD, data()));
        return file;
    }

    /** {@code imssim run --config file}, once its API answers; returns the API's port. */
    private record Running(ChildJvm jvm, int port) {
    }

    private Running run(Path config) throws Exception {
        ChildJvm jvm = ChildJvm.start(dir, Map.of(), "run", "--config", config.toString());
        toClose.add(jvm);
        within(WAIT).until(() -> API.matcher(jvm.stdout()).find() || !jvm.isAlive());
        Matcher api = API.matcher(jvm.stdout());
        assertThat(api.find()).as("imssim run started; stderr: %s", jvm.stderr()).isTrue();
        return new Running(jvm, Integer.parseInt(api.group(1)));
    }

    private static ConditionFactory within(Duration atMost) {
        return await().atMost(atMost).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20));
    }

    private static JsonNode health(Running unit) throws Exception {
        return new ObjectMapper().readTree(Http.get(unit.port(), "/api/health").body());
    }

    private static List<String> events(Running unit) throws Exception {
        var response = Http.get(unit.port(), "/api/events?limit=1000", "alice", "wonderland");
        assertThat(response.statusCode()).isEqualTo(200);
        return StreamSupport.stream(new ObjectMapper().readTree(response.body()).spliterator(), false)
                .map(e -> e.get("text").asText()).toList();
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String command(String user, String address, String command) {
        return mail.sendToUnit(address, "ims4000", MailServer.commandBody(user, address, command), Map.of());
    }

    @Test
    void repliesStoredDuringAnSmtpOutageSurviveSigkillAndGoOutOnceEachWithTheirMessageIds() throws Exception {
        int smtpPort = Ports.belowEphemeralRange(); // nothing listens: the SMTP server is down
        Path config = config(smtpPort);
        Running first = run(config);
        List<String> commands = List.of(command("alice", ALICE, "status"), command("alice", ALICE, "outlets"),
                command("alice", ALICE, "help"));

        // All three answered (replies in the outbox) and deleted from the mailbox; none could go out.
        within(WAIT).until(() -> mail.unitMailboxSize() == 0 && health(first).at("/outbox/pending").asInt() == 3);
        assertThat(health(first).get("smtp").asText()).isEqualTo("failing");
        first.jvm().kill();

        List<StoredMail> waiting;
        try (Store store = Store.open(data())) {
            waiting = store.outbox().due(Instant.now().plus(Duration.ofDays(2)), 100);
            for (String id : commands) {
                assertThat(store.seenMessages().lookup(id)).isEqualTo(SeenMessages.State.SEEN);
            }
        }
        assertThat(waiting).extracting(m -> m.headers().get(OutgoingMail.IN_REPLY_TO))
                .containsExactlyInAnyOrderElementsOf(commands);

        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        toClose.add(smtp::stop);
        Running second = run(config);
        within(WAIT).until(() -> health(second).at("/outbox/pending").asInt() == 0 && smtp.getReceivedMessages().length >= 3);

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).extracting(MailCrashTest::messageId)
                .as("every stored reply exactly once, with the Message-ID it was stored with")
                .containsExactlyInAnyOrderElementsOf(waiting.stream().map(StoredMail::messageId).toList());
        assertThat(received).extracting(m -> header(m, "In-Reply-To")).containsExactlyInAnyOrderElementsOf(commands);
        assertThat(mail.unitMailboxSize()).isZero();
        assertThat(health(second).get("smtp").asText()).isEqualTo("ok");
        assertThat(events(second)).filteredOn(t -> t.startsWith("Command from alice: ")).hasSize(3);
    }

    @Test
    void aMessageWhoseReplyIsStoredButWhichIsStillInTheMailboxIsDeletedWithoutASecondReply() throws Exception {
        String command = command("alice", ALICE, "status");
        // The unit's state had it died after markSeenWithReplies and before the mailbox deletion.
        String replyId = OutgoingMail.newMessageId("example.com");
        Instant handled = Instant.now();
        try (Store store = Store.open(data())) {
            store.seenMessages().markInProgress(command, handled);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put(OutgoingMail.AUTO_SUBMITTED, "auto-replied");
            headers.put(OutgoingMail.IN_REPLY_TO, command);
            headers.put(OutgoingMail.REFERENCES, command);
            store.seenMessages().markSeenWithReplies(command, handled, List.of(new NewMail(replyId, MailServer.UNIT,
                    ALICE, "IMS-4000 reply: Server Room", "== status ==\n", headers, "reply", handled)));
        }
        // Handled in mailbox order: once this one is answered, the one above has been looked at.
        String later = command("bob", BOB, "help");

        Running unit = run(config(mail.smtpPort()));
        within(WAIT).until(() -> mail.mailsTo(BOB).size() == 1 && mail.mailsTo(ALICE).size() == 1
                && mail.unitMailboxSize() == 0 && health(unit).at("/outbox/pending").asInt() == 0);

        assertThat(header(mail.mailsTo(BOB).get(0), "In-Reply-To")).isEqualTo(later);
        assertThat(mail.mailsTo(ALICE)).extracting(MailCrashTest::messageId)
                .as("the stored reply, once; no second one").containsExactly(replyId);
        List<String> events = events(unit);
        assertThat(events).contains("Rejected mail: duplicate", "E-mail sent to alice@example.com: IMS-4000 reply: Server Room")
                .noneMatch(t -> t.startsWith("Command from alice"));
    }

    @Test
    void aMessageInProgressWhenTheUnitDiedIsDeletedAtTheNextStartWithCouldNotHandleMessage() throws Exception {
        String command = command("alice", ALICE, "status");
        // The unit's state had it died while handling: marked in progress, nothing stored for it.
        try (Store store = Store.open(data())) {
            store.seenMessages().markInProgress(command, Instant.now());
        }
        String later = command("bob", BOB, "help");

        Running unit = run(config(mail.smtpPort()));
        within(WAIT).until(() -> mail.mailsTo(BOB).size() == 1 && mail.unitMailboxSize() == 0);

        assertThat(header(mail.mailsTo(BOB).get(0), "In-Reply-To")).isEqualTo(later);
        assertThat(mail.mailsTo(ALICE)).as("no reply to the message that crashed the unit").isEmpty();
        List<String> events = events(unit);
        assertThat(events).filteredOn("Could not handle message"::equals).hasSize(1);
        assertThat(events).noneMatch(t -> t.startsWith("Command from alice")).doesNotContain("Rejected mail: duplicate");
        assertThat(health(unit).get("mailbox").asText()).isEqualTo("ok");
    }
}
