package org.imssim.firmware.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.imssim.firmware.mail.inbound.CommandMail;
import org.imssim.firmware.mail.inbound.CommandMailReader;
import org.imssim.firmware.testing.UnitFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 10,000 generated and mutated command mails through the reader and the handler (SPEC §7, issue D):
 * no exception escapes, every message ends in a reply or an event, and the unit's loop still
 * answers afterwards. Each seed's messages are reproducible: a failure names its seed and index.
 */
class GeneratedMailTest {

    private static final int PER_SEED = 1000;
    private static UnitFixture fixture;
    private static MailCommandHandler handler;

    @BeforeAll
    static void start() {
        fixture = UnitFixture.start("""
                unit: {name: Lab, time-zone: UTC}
                email: {return-address: ims@example.com, two-way: {address: ims@example.com}}
                network: {probe: simulated, simulated-hosts: {127.0.0.1: true}}
                inputs: [{channel: 1, type: temperature, name: Room Temp, backend: mock}]
                powergates: [{number: 1, outlets: 2}]
                profiles:
                  - {username: alice, password: wonderland, mail-pin: "1234", level: master, classes: [Temperature],
                     contacts: [{email: alice@example.com}]}
                  - {username: bob, password: builder, level: user, units: [host], classes: [Temperature],
                     contacts: [{email: bob@example.com}]}
                """);
        handler = new MailCommandHandler(fixture.unit(), CommandRegistry.standard());
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void everyMessageEndsInAReplyOrAnEvent(long seed) {
        Random random = new Random(seed);
        Generator generator = new Generator(random);
        int replies = 0;
        for (int i = 0; i < PER_SEED; i++) {
            byte[] raw = generator.message();
            String where = "seed " + seed + ", message " + i;
            long before = eventCount();
            CommandMail mail = CommandMailReader.read(raw, Set.of("ims@example.com"));
            Optional<CommandReply> reply;
            try {
                reply = fixture.await(() -> handler.handle(mail));
            } catch (RuntimeException e) {
                throw new AssertionError("An exception escaped the handler at " + where, e);
            }
            if (reply.isPresent()) {
                replies++;
                assertThat(reply.get().body()).as(where).startsWith("IMS-4000 Lab, ").doesNotContain("Exception");
                assertThat(reply.get().to()).as(where).isIn("alice@example.com", "bob@example.com");
            } else {
                assertThat(eventCount()).as("a message with no reply leaves an event, at " + where).isGreaterThan(before);
            }
            if (i % 50 == 49) {
                // Past the rate limits' windows, so most messages are handled, not refused.
                fixture.clock().advance(java.time.Duration.ofHours(1));
            }
        }
        // The generator must reach the commands, not only the rejections.
        assertThat(replies).as("replies for seed " + seed).isBetween(PER_SEED / 10, PER_SEED * 9 / 10);
        CommandMail status = CommandMailReader.read(("From: a@example.org\r\nSubject: ims4000\r\nMessage-ID: <alive-" + seed
                + "@example.org>\r\n\r\nusername: alice\r\nemail: alice@example.com\r\ncommand: status\r\n")
                .getBytes(StandardCharsets.UTF_8), Set.of());
        assertThat(fixture.await(() -> handler.handle(status))).as("the loop still answers").isPresent();
    }

    private static long eventCount() {
        // Events are written in order on the store thread; queue the count behind what the loop recorded.
        return fixture.unit().onLoop(() -> 0).thenCompose(x -> fixture.store().call(s -> s.events().count())).join();
    }

    /** Command mails as clients write them, and as they arrive broken. */
    private static final class Generator {
        private static final String[] USERS = {"alice", "ALICE", "bob", "mallory", "", "alice\u00a0", "*alice*"};
        private static final String[] EMAILS = {"alice@example.com", "Alice <alice@example.com>", "bob@example.com",
            "bob@example.com<mailto:bob@example.com>", "eve@example.org", "", "ims@example.com", "not an address"};
        private static final String[] COMMANDS = {"status", "help", "ping 127.0.0.1", "trace 127.0.0.1", "ack 12345678",
            "ack", "frobnicate", "", "STATUS", "ping -f 127.0.0.1", "ping $(reboot)", "outlet 1 2 on", "status now",
            "\u00fcnicode", "a".repeat(300)};
        private static final String[] SUBJECTS = {"ims4000", "Re: ims4000", "RE: [EXT] Fwd: ims4000", "Re[2]: IMS4000",
            "=?UTF-8?B?aW1zNDAwMA==?=", "hello", "", "IMS-4000 ALARM: Lab - Room Temp - High", "=?bogus?Q?x?="};

        private final Random random;

        Generator(Random random) {
            this.random = random;
        }

        private String pick(String[] options) {
            return options[random.nextInt(options.length)];
        }

        byte[] message() {
            StringBuilder head = new StringBuilder();
            if (random.nextInt(10) > 0) {
                head.append("From: ").append(random.nextInt(20) == 0 ? "MAILER-DAEMON@example.com" : "someone@example.org").append("\r\n");
            }
            head.append("Subject: ").append(random.nextBoolean() ? "ims4000" : pick(SUBJECTS)).append("\r\n");
            if (random.nextInt(10) > 0) {
                head.append("Message-ID: <").append(random.nextLong()).append("@example.org>\r\n");
            }
            if (random.nextInt(15) == 0) {
                head.append("Auto-Submitted: auto-replied\r\n");
            }
            if (random.nextInt(15) == 0) {
                head.append("Precedence: bulk\r\n");
            }
            StringBuilder body = new StringBuilder();
            boolean coherent = random.nextInt(3) > 0;
            boolean asAlice = random.nextBoolean();
            if (coherent || random.nextInt(8) > 0) {
                String user = coherent ? (asAlice ? "alice" : "Bob") : pick(USERS);
                body.append(random.nextBoolean() ? "username: " : "Username:").append(user).append("\r\n");
            }
            if (coherent || random.nextInt(8) > 0) {
                String email = coherent ? (asAlice ? "Alice <alice@example.com>" : "bob@example.com") : pick(EMAILS);
                body.append("email: ").append(email).append("\r\n");
            }
            if (random.nextInt(3) == 0) {
                body.append("password: ").append(random.nextBoolean() ? "1234" : "guess").append("\r\n");
            }
            int commands = random.nextInt(13);
            for (int c = 0; c < commands; c++) {
                body.append(random.nextInt(6) == 0 ? "Command:" : "command: ").append(pick(COMMANDS)).append("\r\n");
            }
            if (random.nextInt(4) == 0) {
                body.append("\r\nOn Mon, 30 Nov 2026, IMS wrote:\r\n> command: status\r\n");
            }
            String text = body.toString();
            switch (random.nextInt(5)) {
                case 0 -> head.append("Content-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>")
                        .append(text.replace("\r\n", "<br>")).append("</p></body></html>");
                case 1 -> head.append("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                        .append(Base64.getMimeEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
                case 2 -> head.append("Content-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n--b1\r\n")
                        .append("Content-Type: text/plain; charset=iso-8859-1\r\n\r\n").append(text)
                        .append("\r\n--b1\r\nContent-Type: text/html\r\n\r\n<p>x</p>\r\n--b1--\r\n");
                default -> head.append("Content-Type: text/plain; charset=utf-8\r\n\r\n").append(text);
            }
            byte[] raw = head.toString().getBytes(StandardCharsets.UTF_8);
            int mutation = random.nextInt(10);
            if (mutation == 0) {
                for (int k = 0; k < 1 + random.nextInt(8); k++) {
                    raw[random.nextInt(raw.length)] = (byte) random.nextInt(256);
                }
            } else if (mutation == 1) {
                raw = java.util.Arrays.copyOf(raw, random.nextInt(raw.length + 1));
            }
            return raw;
        }
    }
}
