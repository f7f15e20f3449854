package org.imssim.firmware.mail.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.imssim.firmware.config.Security;
import org.imssim.firmware.config.SmtpConfig;
import org.imssim.firmware.config.Trust;
import org.imssim.firmware.mail.outbound.MailDeliveryException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Plain SMTP against GreenMail on loopback: what arrives, failures, the kept connection. */
class SmtpMailerTest {

    private static final Instant CREATED = Instant.parse("2026-11-29T15:04:05Z");
    private static final String USER = "unit";
    private static final String PASSWORD = "s3cret-Pw";

    private NoDelayGreenMail greenMail;

    @BeforeEach
    void startServer() {
        greenMail = new NoDelayGreenMail(ServerSetup.PROTOCOL_SMTP);
        greenMail.setUser("unit@imssim.test", USER, PASSWORD);
        greenMail.start();
    }

    @AfterEach
    void stopServer() {
        greenMail.stop();
    }

    private static SmtpConfig plain(int port, String username, String password) {
        return new SmtpConfig("127.0.0.1", port, Security.NONE, username, password, Trust.SYSTEM);
    }

    private int smtpPort() {
        return greenMail.port(ServerSetup.PROTOCOL_SMTP);
    }

    static OutgoingMail alarm(String subject) {
        return OutgoingMail.create("imssim", "IMS-4000 <ims@imssim.test>", "alice@example.com", subject,
                "Room Temp is 91.0 F, above 85.\ncommand: ack 12345678", CREATED);
    }

    private MimeMessage[] received(int count) {
        assertThat(greenMail.waitForIncomingEmail(5_000, count)).as("%d mails arrive", count).isTrue();
        return greenMail.getReceivedMessages();
    }

    @Test
    void aMailArrivesWithItsHeadersAndBody() throws Exception {
        OutgoingMail mail = alarm("IMS-4000 reply: Server Room")
                .withHeader(OutgoingMail.AUTO_SUBMITTED, "auto-replied")
                .withHeader(OutgoingMail.REPLY_TO, "ims-cmd@imssim.test")
                .withHeader(OutgoingMail.IN_REPLY_TO, "<cmd-2@example.com>")
                .withHeader(OutgoingMail.REFERENCES, "<cmd-1@example.com> <cmd-2@example.com>");
        try (SmtpMailer mailer = new SmtpMailer(plain(smtpPort(), null, null))) {
            mailer.send(mail);
        }
        MimeMessage got = received(1)[0];
        assertThat(got.getSubject()).isEqualTo("IMS-4000 reply: Server Room");
        assertThat(got.getContent()).isEqualTo("Room Temp is 91.0 F, above 85.\r\ncommand: ack 12345678");
        assertThat(got.getHeader("From", null)).isEqualTo("IMS-4000 <ims@imssim.test>");
        assertThat(Arrays.toString(got.getRecipients(Message.RecipientType.TO))).isEqualTo("[alice@example.com]");
        assertThat(got.getHeader("Message-ID", null)).isEqualTo(mail.messageId());
        assertThat(got.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(got.getHeader("Reply-To", null)).isEqualTo("ims-cmd@imssim.test");
        assertThat(got.getHeader("In-Reply-To", null)).isEqualTo("<cmd-2@example.com>");
        assertThat(got.getHeader("References", null)).isEqualTo("<cmd-1@example.com> <cmd-2@example.com>");
        assertThat(got.getSentDate()).isEqualTo(Date.from(CREATED));
        assertThat(got.getHeader("Date", null)).isEqualTo("Sun, 29 Nov 2026 15:04:05 +0000");
    }

    @Test
    void aNonAsciiMailSurvives() throws Exception {
        OutgoingMail mail = OutgoingMail.create("imssim", "ims@imssim.test", "alice@example.com",
                "IMS-4000 ALARM: Kühlraum - Tür - Open", "Tür offen seit 15:04, 23 °C.\nЗал серверов ✓ 温度", CREATED);
        try (SmtpMailer mailer = new SmtpMailer(plain(smtpPort(), null, null))) {
            mailer.send(mail);
        }
        MimeMessage got = received(1)[0];
        assertThat(got.getSubject()).isEqualTo("IMS-4000 ALARM: Kühlraum - Tür - Open");
        assertThat(got.getContent()).isEqualTo("Tür offen seit 15:04, 23 °C.\r\nЗал серверов ✓ 温度");
        assertThat(got.getHeader("Content-Transfer-Encoding", null)).isEqualTo("quoted-printable");
        assertThat(got.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
    }

    @Test
    void aMailSentAgainCarriesTheSameMessageId() throws Exception {
        OutgoingMail mail = alarm("IMS-4000 ALARM: Server Room - Room Temp - High");
        try (SmtpMailer first = new SmtpMailer(plain(smtpPort(), null, null));
             SmtpMailer afterRestart = new SmtpMailer(plain(smtpPort(), null, null))) {
            first.send(mail);
            afterRestart.send(mail);
        }
        MimeMessage[] got = received(2);
        assertThat(got).extracting(m -> m.getHeader("Message-ID", null)).containsExactly(mail.messageId(), mail.messageId());
    }

    @Test
    void itLogsInWhenAUsernameIsSet() throws Exception {
        try (SmtpMailer mailer = new SmtpMailer(plain(smtpPort(), USER, PASSWORD))) {
            mailer.send(alarm("with login"));
        }
        assertThat(received(1)[0].getSubject()).isEqualTo("with login");
    }

    @Test
    void writeTimeoutsCanRunOnTheUnitsTimer() throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (SmtpMailer mailer = new SmtpMailer(plain(smtpPort(), USER, PASSWORD), Duration.ofSeconds(2),
                Duration.ofSeconds(2), timer)) {
            mailer.send(alarm("timed by the unit"));
        } finally {
            timer.shutdownNow();
        }
        assertThat(received(1)[0].getSubject()).isEqualTo("timed by the unit");
    }

    @Test
    void aWrongPasswordIsAnAuthenticationFailure() {
        try (SmtpMailer mailer = new SmtpMailer(plain(smtpPort(), USER, "wrong"))) {
            MailDeliveryException e = catchThrowableOfType(MailDeliveryException.class, () -> mailer.send(alarm("x")));
            assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
            assertThat(e).hasMessage("The SMTP server did not accept the login.").hasNoCause();
            assertThat(mailer.isConnectionKept()).isFalse();
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void nothingListeningIsRefusedWithAFixedSentence() throws IOException {
        int closedPort = freePort();
        try (SmtpMailer mailer = new SmtpMailer(plain(closedPort, USER, PASSWORD))) {
            MailDeliveryException e = catchThrowableOfType(MailDeliveryException.class, () -> mailer.send(alarm("x")));
            assertThat(e.kind()).isEqualTo(Kind.REFUSED);
            assertThat(e).hasMessage("The SMTP server refused the connection.").hasNoCause();
            assertThat(e.getMessage()).doesNotContain("127.0.0.1", Integer.toString(closedPort), PASSWORD);
            assertThat(e.replyCode()).isEmpty();
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws IOException {
        // Accepts TCP (the kernel's backlog) but never says a word.
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             SmtpMailer mailer = new SmtpMailer(plain(silent.getLocalPort(), null, null),
                     Duration.ofMillis(500), Duration.ofMillis(500))) {
            long start = System.nanoTime();
            MailDeliveryException e = catchThrowableOfType(MailDeliveryException.class, () -> mailer.send(alarm("x")));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(e).hasMessage("The SMTP server did not answer in time.").hasNoCause();
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(450)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void anAddressTheUnitCannotUseFailsWithoutTheNetwork() {
        OutgoingMail mail = OutgoingMail.create("imssim", "ims@imssim.test", "alice@", "s", "b", CREATED);
        try (SmtpMailer mailer = new SmtpMailer(plain(smtpPort(), null, null))) {
            MailDeliveryException e = catchThrowableOfType(MailDeliveryException.class, () -> mailer.send(mail));
            assertThat(e.kind()).isEqualTo(Kind.OTHER);
            assertThat(e).hasMessage("The mail has an address the unit cannot use.");
            assertThat(mailer.isConnectionKept()).isFalse();
        }
    }

    @Test
    void aBatchGoesOverOneConnectionThatIsKept() throws Exception {
        try (SmtpFront front = new SmtpFront(smtpPort(), SmtpFront.Mode.RELAY)) {
            SmtpMailer mailer = new SmtpMailer(plain(front.port(), USER, PASSWORD));
            List<SendOutcome> outcomes = mailer.sendAll(List.of(alarm("one"), alarm("two"), alarm("three")));
            assertThat(outcomes).allSatisfy(o -> {
                assertThat(o.delivered()).isTrue();
                assertThat(o.attempted()).isTrue();
            });
            assertThat(outcomes).extracting(o -> o.mail().subject()).containsExactly("one", "two", "three");
            assertThat(mailer.isConnectionKept()).isTrue();
            mailer.send(alarm("four"));
            assertThat(front.connections()).isEqualTo(1);
            mailer.close(); // QUIT; the mailer stays usable
            assertThat(mailer.isConnectionKept()).isFalse();
        }
        assertThat(received(4)).extracting(MimeMessage::getSubject).containsExactly("one", "two", "three", "four");
    }

    @Test
    void aKeptConnectionTheServerDroppedIsReplacedOnce() throws Exception {
        try (SmtpFront front = new SmtpFront(smtpPort(), SmtpFront.Mode.RELAY);
             SmtpMailer mailer = new SmtpMailer(plain(front.port(), null, null))) {
            mailer.send(alarm("before the drop"));
            front.dropConnections();
            mailer.send(alarm("after the drop"));
            assertThat(front.connections()).isEqualTo(2);
        }
        assertThat(received(2)).extracting(MimeMessage::getSubject).containsExactly("before the drop", "after the drop");
    }

    @Test
    void aBatchStopsAtAServerThatCannotBeReached() throws IOException {
        try (SmtpMailer mailer = new SmtpMailer(plain(freePort(), null, null))) {
            List<SendOutcome> outcomes = mailer.sendAll(List.of(alarm("one"), alarm("two"), alarm("three")));
            assertThat(outcomes).extracting(SendOutcome::attempted).containsExactly(true, false, false);
            assertThat(outcomes).allSatisfy(o -> {
                assertThat(o.delivered()).isFalse();
                assertThat(o.failure()).get().extracting(MailDeliveryException::kind).isEqualTo(Kind.REFUSED);
            });
        }
    }

    @Test
    void aMailerNeedsServerAndReturnAddress() {
        SmtpConfig configured = plain(25, null, null);
        assertThat(SmtpMailer.isConfigured(configured, "ims@example.com")).isTrue();
        assertThat(SmtpMailer.isConfigured(configured, null)).isFalse();
        assertThat(SmtpMailer.isConfigured(configured, "")).isFalse();
        assertThat(SmtpMailer.isConfigured(new SmtpConfig(null, 25, Security.NONE, null, null, Trust.SYSTEM),
                "ims@example.com")).isFalse();
        assertThat(SmtpMailer.isConfigured(new SmtpConfig("", 25, Security.NONE, null, null, Trust.SYSTEM),
                "ims@example.com")).isFalse();
        assertThat(SmtpMailer.isConfigured(null, "ims@example.com")).isFalse();
        assertThatThrownBy(() -> new SmtpMailer(new SmtpConfig("", 25, Security.NONE, null, null, Trust.SYSTEM)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("The SMTP server is not set.");
    }

    /** A loopback port that nothing listens on (bound, then released). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
