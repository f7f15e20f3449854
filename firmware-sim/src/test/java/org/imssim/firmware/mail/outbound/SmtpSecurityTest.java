package org.imssim.firmware.mail.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.imssim.firmware.mail.outbound.SmtpMailerTest.alarm;

import com.icegreen.greenmail.util.ServerSetup;
import org.imssim.firmware.config.Security;
import org.imssim.firmware.config.SmtpConfig;
import org.imssim.firmware.config.Trust;
import org.imssim.firmware.mail.outbound.MailDeliveryException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SMTPS, STARTTLS, trust, and a username where the server wants none. */
class SmtpSecurityTest {

    private static final String USER = "unit";
    private static final String PASSWORD = "s3cret-Pw";

    private NoDelayGreenMail greenMail;

    @BeforeEach
    void startServer() {
        greenMail = new NoDelayGreenMail(ServerSetup.PROTOCOL_SMTP, ServerSetup.PROTOCOL_SMTPS);
        greenMail.setUser("unit@imssim.test", USER, PASSWORD);
        greenMail.start();
    }

    @AfterEach
    void stopServer() {
        greenMail.stop();
    }

    private static SmtpConfig config(int port, Security security, Trust trust, String username, String password) {
        return new SmtpConfig("127.0.0.1", port, security, username, password, trust);
    }

    @Test
    void smtpsWithLoginAndTrustAll() throws Exception {
        SmtpConfig smtps = config(greenMail.port(ServerSetup.PROTOCOL_SMTPS), Security.TLS, Trust.ALL, USER, PASSWORD);
        try (SmtpMailer mailer = new SmtpMailer(smtps)) {
            mailer.send(alarm("over smtps"));
        }
        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
        assertThat(greenMail.getReceivedMessages()[0].getSubject()).isEqualTo("over smtps");
    }

    @Test
    void smtpsWithSystemTrustRefusesASelfSignedCertificate() {
        SmtpConfig smtps = config(greenMail.port(ServerSetup.PROTOCOL_SMTPS), Security.TLS, Trust.SYSTEM, USER, PASSWORD);
        try (SmtpMailer mailer = new SmtpMailer(smtps)) {
            MailDeliveryException e = catchThrowableOfType(MailDeliveryException.class, () -> mailer.send(alarm("x")));
            assertThat(e.kind()).isEqualTo(Kind.TLS);
            assertThat(e).hasMessage("The secure connection to the SMTP server failed.").hasNoCause();
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void starttlsWithLoginAndTrustAll() throws Exception {
        try (SmtpFront front = new SmtpFront(greenMail.port(ServerSetup.PROTOCOL_SMTP), SmtpFront.Mode.STARTTLS);
             SmtpMailer mailer = new SmtpMailer(config(front.port(), Security.STARTTLS, Trust.ALL, USER, PASSWORD))) {
            mailer.send(alarm("after starttls"));
            mailer.send(alarm("same tls connection"));
            assertThat(front.connections()).isEqualTo(1);
        }
        assertThat(greenMail.waitForIncomingEmail(5_000, 2)).isTrue();
        assertThat(greenMail.getReceivedMessages()).extracting(m -> m.getSubject())
                .containsExactly("after starttls", "same tls connection");
    }

    @Test
    void starttlsWithAWrongPasswordIsAnAuthenticationFailure() throws Exception {
        try (SmtpFront front = new SmtpFront(greenMail.port(ServerSetup.PROTOCOL_SMTP), SmtpFront.Mode.STARTTLS);
             SmtpMailer mailer = new SmtpMailer(config(front.port(), Security.STARTTLS, Trust.ALL, USER, "wrong"))) {
            MailDeliveryException e = catchThrowableOfType(MailDeliveryException.class, () -> mailer.send(alarm("x")));
            assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
        }
    }

    @Test
    void starttlsWithSystemTrustRefusesASelfSignedCertificate() throws Exception {
        try (SmtpFront front = new SmtpFront(greenMail.port(ServerSetup.PROTOCOL_SMTP), SmtpFront.Mode.STARTTLS);
             SmtpMailer mailer = new SmtpMailer(config(front.port(), Security.STARTTLS, Trust.SYSTEM, USER, PASSWORD))) {
            MailDeliveryException e = catchThrowableOfType(MailDeliveryException.class, () -> mailer.send(alarm("x")));
            assertThat(e.kind()).isEqualTo(Kind.TLS);
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void starttlsIsRequiredWhenConfigured() {
        // GreenMail offers no STARTTLS: the mail must not go out in the clear.
        SmtpConfig starttls = config(greenMail.port(ServerSetup.PROTOCOL_SMTP), Security.STARTTLS, Trust.ALL, USER, PASSWORD);
        try (SmtpMailer mailer = new SmtpMailer(starttls)) {
            MailDeliveryException e = catchThrowableOfType(MailDeliveryException.class, () -> mailer.send(alarm("x")));
            assertThat(e.kind()).isEqualTo(Kind.TLS);
            assertThat(e).hasMessage("The SMTP server does not offer STARTTLS.");
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aUsernameWhereTheServerWantsNoneIsAFailure() throws Exception {
        // Manual p. 63 (d)/(e): credentials programmed but none required -> SMTP Server not Responding.
        try (SmtpFront front = new SmtpFront(greenMail.port(ServerSetup.PROTOCOL_SMTP), SmtpFront.Mode.NO_AUTH);
             SmtpMailer mailer = new SmtpMailer(config(front.port(), Security.NONE, Trust.SYSTEM, USER, PASSWORD))) {
            MailDeliveryException e = catchThrowableOfType(MailDeliveryException.class, () -> mailer.send(alarm("x")));
            assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
            assertThat(e).hasMessage("The SMTP server offers no login, but a username is set.").hasNoCause();
            assertThat(mailer.isConnectionKept()).isFalse();
        }
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void withoutAUsernameTheSameServerTakesTheMail() throws Exception {
        try (SmtpFront front = new SmtpFront(greenMail.port(ServerSetup.PROTOCOL_SMTP), SmtpFront.Mode.NO_AUTH);
             SmtpMailer mailer = new SmtpMailer(config(front.port(), Security.NONE, Trust.SYSTEM, "", "ignored"))) {
            mailer.send(alarm("no login wanted"));
        }
        assertThat(greenMail.waitForIncomingEmail(5_000, 1)).isTrue();
        assertThat(greenMail.getReceivedMessages()[0].getSubject()).isEqualTo("no login wanted");
    }
}
