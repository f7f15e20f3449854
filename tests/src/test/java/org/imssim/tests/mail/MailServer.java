package org.imssim.tests.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * A real mail server on loopback for end-to-end tests (GreenMail, SMTP, POP3 and IMAP on free ports),
 * with the unit's mailbox and the users' mailboxes, and a way to send command mails as a mail
 * client would.
 */
public final class MailServer implements AutoCloseable {

    public static final String UNIT = "ims@example.com";
    public static final String PASSWORD = "secret";

    private final GreenMail greenMail;

    public MailServer(String... users) {
        greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_POP3).dynamicPort(),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort(),
        });
        greenMail.start();
        greenMail.setUser(UNIT, UNIT, PASSWORD);
        for (String user : users) {
            greenMail.setUser(user, user, PASSWORD);
        }
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int pop3Port() {
        return greenMail.getPop3().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** The {@code email:} section of a unit that reads its mailbox over IMAP, polling every {@code pollInterval}. */
    public String imapEmailConfig(String pollInterval) {
        return """
                email:
                  smtp: {server: 127.0.0.1, port: %d, security: none}
                  return-address: %s
                  two-way: {enabled: true, address: %s, protocol: imap, server: 127.0.0.1, port: %d, username: %s,
                            password: %s, poll-interval: %s}
                """.formatted(smtpPort(), UNIT, UNIT, imapPort(), UNIT, PASSWORD, pollInterval);
    }

    /** The {@code email:} section of a unit configuration that uses this server, polling every second. */
    public String emailConfig() {
        return """
                email:
                  smtp: {server: 127.0.0.1, port: %d, security: none}
                  return-address: %s
                  two-way: {enabled: true, address: %s, server: 127.0.0.1, port: %d, username: %s, password: %s,
                            poll-interval: 1s}
                """.formatted(smtpPort(), UNIT, UNIT, pop3Port(), UNIT, PASSWORD);
    }

    /** Sends a mail to the unit's mailbox; returns its Message-ID. */
    public String sendToUnit(String from, String subject, String body, Map<String, String> headers) {
        String messageId = "<" + UUID.randomUUID() + "@client.example.org>";
        sendRaw(messageId, from, subject, body, headers);
        return messageId;
    }

    /** Sends a mail with a chosen Message-ID (to send the same message twice). */
    public void sendRaw(String messageId, String from, String subject, String body, Map<String, String> headers) {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(smtpPort()));
        Session session = Session.getInstance(props);
        try {
            MimeMessage message = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            message.setFrom(new InternetAddress(from));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(UNIT));
            message.setSubject(subject, "UTF-8");
            message.setSentDate(new Date());
            message.setText(body, "UTF-8");
            for (Map.Entry<String, String> h : headers.entrySet()) {
                message.setHeader(h.getKey(), h.getValue());
            }
            Transport.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("The test mail could not be sent", e);
        }
    }

    /** The manual's command mail: {@code username:}, {@code email:}, then one {@code command:} line each. */
    public static String commandBody(String username, String email, String... commands) {
        StringBuilder body = new StringBuilder("username: " + username + "\nemail: " + email + "\n");
        for (String c : commands) {
            body.append("command: ").append(c).append('\n');
        }
        return body.toString();
    }

    /** Mails that reached {@code address}, oldest first. */
    public List<MimeMessage> mailsTo(String address) {
        return greenMail.findReceivedMessages(u -> u.getEmail().equalsIgnoreCase(address), m -> true).toList();
    }

    /** Every mail the server accepted, for any mailbox. */
    public List<MimeMessage> allMails() {
        return Arrays.asList(greenMail.getReceivedMessages());
    }

    /** How many messages the unit's mailbox still holds (it deletes what it read). */
    public int unitMailboxSize() {
        try {
            return greenMail.getManagers().getImapHostManager()
                    .getInbox(greenMail.getUserManager().getUser(UNIT)).getMessageCount();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
