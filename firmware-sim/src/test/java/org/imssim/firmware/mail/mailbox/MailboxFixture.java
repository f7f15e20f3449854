package org.imssim.firmware.mail.mailbox;

import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;
import org.imssim.firmware.config.MailProtocol;
import org.imssim.firmware.config.Security;
import org.imssim.firmware.config.TwoWayConfig;

/** The unit's mailbox as the tests set it up in GreenMail, and command mails for it. */
final class MailboxFixture {

    static final String ADDRESS = "ims@imssim.test";
    static final String LOGIN = "ims";
    static final String PASSWORD = "mailbox-Pw1";

    private static final Session SESSION = Session.getInstance(new Properties());

    private MailboxFixture() {
    }

    static TwoWayConfig config(MailProtocol protocol, Security security, int port, String password) {
        return new TwoWayConfig(true, ADDRESS, protocol, "127.0.0.1", port, security, LOGIN, password,
                Duration.ofSeconds(60), true, Duration.ofHours(1));
    }

    /** Puts a command mail straight into the user's INBOX, as the server's delivery would. */
    static void deliver(GreenMailUser user, String subject) {
        try {
            MimeMessage mail = new MimeMessage(SESSION);
            mail.setFrom(new InternetAddress("alice@example.com"));
            mail.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(ADDRESS));
            mail.setSubject(subject);
            mail.setSentDate(new Date());
            // CRLF, as mail is on the wire and in a real server's store.
            mail.setText("username: alice\r\nemail: alice@example.com\r\ncommand: status\r\n", "UTF-8");
            mail.saveChanges();
            user.deliver(mail);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String subjectOf(byte[] raw) {
        try {
            return new MimeMessage(SESSION, new ByteArrayInputStream(raw)).getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] octets(MimeMessage message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
