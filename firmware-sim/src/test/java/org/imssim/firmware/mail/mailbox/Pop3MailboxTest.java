package org.imssim.firmware.mail.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.imssim.firmware.mail.mailbox.MailboxFixture.PASSWORD;
import static org.imssim.firmware.mail.mailbox.MailboxFixture.config;
import static org.imssim.firmware.mail.mailbox.MailboxFixture.deliver;
import static org.imssim.firmware.mail.mailbox.MailboxFixture.subjectOf;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.imssim.firmware.config.MailProtocol;
import org.imssim.firmware.config.Security;
import org.imssim.firmware.config.Trust;
import org.imssim.firmware.config.TwoWayConfig;
import org.imssim.firmware.mail.mailbox.MailboxException.Kind;
import org.imssim.firmware.mail.outbound.NoDelayGreenMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POP3 and POP3S against GreenMail on loopback. */
class Pop3MailboxTest {

    private NoDelayGreenMail greenMail;
    private GreenMailUser user;

    @BeforeEach
    void startServer() {
        greenMail = new NoDelayGreenMail(ServerSetup.PROTOCOL_POP3, ServerSetup.PROTOCOL_POP3S);
        user = greenMail.setUser(MailboxFixture.ADDRESS, MailboxFixture.LOGIN, PASSWORD);
        greenMail.start();
    }

    @AfterEach
    void stopServer() {
        greenMail.stop();
    }

    private Pop3Mailbox mailbox() {
        return new Pop3Mailbox(config(MailProtocol.POP3, Security.NONE, greenMail.port(ServerSetup.PROTOCOL_POP3), PASSWORD),
                Trust.SYSTEM);
    }

    @Test
    void listsInOrderFetchesAndDeletesAtQuit() throws Exception {
        deliver(user, "ims4000 one");
        deliver(user, "ims4000 two");
        deliver(user, "ims4000 three");
        Pop3Mailbox mailbox = mailbox();
        try (MailboxSession session = mailbox.open()) {
            List<MailboxMessage> listed = session.list();
            assertThat(listed).extracting(MailboxMessage::id).containsExactly(1L, 2L, 3L);
            // GreenMail's LIST counts only the body; real servers count the whole message.
            assertThat(listed).allSatisfy(m -> assertThat(m.size()).isPositive());
            List<String> subjects = new ArrayList<>();
            for (MailboxMessage message : listed) {
                subjects.add(subjectOf(session.fetch(message)));
            }
            assertThat(subjects).containsExactly("ims4000 one", "ims4000 two", "ims4000 three");
            session.delete(listed.get(0));
            session.delete(listed.get(2));
        }
        try (MailboxSession session = mailbox.open()) {
            List<MailboxMessage> left = session.list();
            assertThat(left).hasSize(1);
            assertThat(subjectOf(session.fetch(left.get(0)))).isEqualTo("ims4000 two");
        }
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
    void anEmptyMailboxListsNothing() throws Exception {
        try (MailboxSession session = mailbox().open()) {
            assertThat(session.list()).isEmpty();
        }
    }

    @Test
    void withoutDeleteNothingIsDeleted() throws Exception {
        deliver(user, "ims4000");
        Pop3Mailbox mailbox = mailbox();
        try (MailboxSession session = mailbox.open()) {
            session.fetch(session.list().get(0));
        }
        try (MailboxSession session = mailbox.open()) {
            assertThat(session.list()).hasSize(1);
        }
    }

    @Test
    void aMessageFromAnotherSessionIsRefused() throws Exception {
        deliver(user, "ims4000");
        MailboxSession session = mailbox().open();
        assertThatThrownBy(() -> session.fetch(new MailboxMessage(1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        MailboxMessage listed = session.list().get(0);
        session.close();
        session.close(); // twice is harmless
        assertThatThrownBy(() -> session.fetch(listed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aWrongPasswordIsAnAuthenticationFailure() {
        Pop3Mailbox mailbox = new Pop3Mailbox(
                config(MailProtocol.POP3, Security.NONE, greenMail.port(ServerSetup.PROTOCOL_POP3), "wrong"), Trust.SYSTEM);
        MailboxException e = catchThrowableOfType(MailboxException.class, mailbox::open);
        assertThat(e.kind()).isEqualTo(Kind.AUTHENTICATION);
        assertThat(e).hasMessage("The mailbox server did not accept the login.").hasNoCause();
    }

    @Test
    void nothingListeningIsRefused() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Pop3Mailbox mailbox = new Pop3Mailbox(config(MailProtocol.POP3, Security.NONE, closedPort, PASSWORD), Trust.SYSTEM);
        MailboxException e = catchThrowableOfType(MailboxException.class, mailbox::open);
        assertThat(e.kind()).isEqualTo(Kind.REFUSED);
        assertThat(e).hasMessage("The mailbox server could not be reached.").hasNoCause();
        assertThat(e.getMessage()).doesNotContain(Integer.toString(closedPort), PASSWORD);
    }

    @Test
    void pop3sWithTrustAll() throws Exception {
        deliver(user, "ims4000 over tls");
        Pop3Mailbox mailbox = new Pop3Mailbox(
                config(MailProtocol.POP3, Security.TLS, greenMail.port(ServerSetup.PROTOCOL_POP3S), PASSWORD), Trust.ALL);
        try (MailboxSession session = mailbox.open()) {
            List<MailboxMessage> listed = session.list();
            assertThat(listed).hasSize(1);
            assertThat(subjectOf(session.fetch(listed.get(0)))).isEqualTo("ims4000 over tls");
        }
    }

    @Test
    void pop3sWithSystemTrustRefusesASelfSignedCertificate() {
        Pop3Mailbox mailbox = new Pop3Mailbox(
                config(MailProtocol.POP3, Security.TLS, greenMail.port(ServerSetup.PROTOCOL_POP3S), PASSWORD), Trust.SYSTEM);
        MailboxException e = catchThrowableOfType(MailboxException.class, mailbox::open);
        assertThat(e.kind()).isEqualTo(Kind.TLS);
    }

    @Test
    void starttlsIsRequiredWhenConfigured() {
        // GreenMail's POP3 offers no STLS: the password must not go out in the clear.
        Pop3Mailbox mailbox = new Pop3Mailbox(
                config(MailProtocol.POP3, Security.STARTTLS, greenMail.port(ServerSetup.PROTOCOL_POP3), PASSWORD), Trust.ALL);
        MailboxException e = catchThrowableOfType(MailboxException.class, mailbox::open);
        assertThat(e.kind()).isEqualTo(Kind.TLS);
        assertThat(e).hasMessage("The mailbox server does not offer STARTTLS.");
    }

    @Test
    void configurationChecks() {
        TwoWayConfig set = config(MailProtocol.POP3, Security.NONE, 110, PASSWORD);
        assertThat(Mailbox.isConfigured(set)).isTrue();
        TwoWayConfig noServer = new TwoWayConfig(true, "a@b.c", MailProtocol.POP3, "", 110, Security.NONE, "u", "p",
                set.pollInterval(), true, set.maxAge());
        assertThat(Mailbox.isConfigured(noServer)).isFalse();
        assertThatThrownBy(() -> new Pop3Mailbox(noServer, Trust.SYSTEM)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The mailbox server is not set.");
        TwoWayConfig loginFromAddress = new TwoWayConfig(true, "a@b.c", MailProtocol.IMAP, "h", 0, Security.NONE, null,
                null, set.pollInterval(), true, set.maxAge());
        assertThat(Mailbox.isConfigured(loginFromAddress)).isTrue();
        assertThat(Mailbox.of(loginFromAddress, Trust.SYSTEM)).isInstanceOf(ImapMailbox.class);
        assertThat(Mailbox.of(set, Trust.SYSTEM)).isInstanceOf(Pop3Mailbox.class);
        TwoWayConfig noLogin = new TwoWayConfig(true, null, MailProtocol.POP3, "h", 0, Security.NONE, "", null,
                set.pollInterval(), true, set.maxAge());
        assertThat(Mailbox.isConfigured(noLogin)).isFalse();
    }
}
