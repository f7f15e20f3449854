package org.imssim.firmware.cli;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.imssim.firmware.demo.DemoMailServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code imssim send}: mails a command to a unit in the manual's format (SPEC §7) and, with
 * {@code --wait}, reads the reply from the sender's POP3 mailbox and prints it. The defaults are
 * those of {@code imssim demo}, so the line the demo prints works as it stands.
 */
@Command(name = "send", sortOptions = false,
        description = "Mail a command to the unit and, with --wait, print its reply.")
final class SendCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--smtp", paramLabel = "HOST:PORT", description = "The SMTP server to send through (default ${DEFAULT-VALUE}).")
    private String smtp = "127.0.0.1:3025";

    @Option(names = "--to", paramLabel = "ADDRESS", description = "The unit's mailbox address (default ${DEFAULT-VALUE}).")
    private String to = "ims@example.com";

    @Option(names = "--username", required = true, paramLabel = "U", description = "The profile's username.")
    private String username;

    @Option(names = "--email", required = true, paramLabel = "E", description = "A contact address of that profile; the reply goes there.")
    private String email;

    @Option(names = "--password-stdin", description = "Read the profile's password or mail PIN from the first line of standard input.")
    private boolean passwordStdin;

    @Option(names = "--wait", description = "Wait for the reply in E's mailbox and print it.")
    private boolean await;

    @Option(names = "--pop3", paramLabel = "HOST:PORT", description = "The POP3 server of E's mailbox (default ${DEFAULT-VALUE}).")
    private String pop3 = "127.0.0.1:3110";

    @Option(names = "--pop3-user", paramLabel = "U", description = "The login of E's mailbox (default: E).")
    private String pop3User;

    @Option(names = "--pop3-password", paramLabel = "P", description = "The password of E's mailbox (default: the demo's).")
    private String pop3Password = DemoMailServer.PASSWORD;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "How long --wait waits, e.g. 30s or 2m (default ${DEFAULT-VALUE}).")
    private String timeout = "30s";

    @Parameters(paramLabel = "COMMAND", arity = "1..*", description = "The command, e.g. status, or outlet 1 2 cycle.")
    private List<String> command;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<HostPort> smtpServer = HostPort.parse(smtp);
        Optional<HostPort> pop3Server = HostPort.parse(pop3);
        Optional<Duration> wait = CliDurations.parse(timeout);
        if (smtpServer.isEmpty() || pop3Server.isEmpty() || wait.isEmpty()) {
            err.println("imssim: --smtp and --pop3 take HOST:PORT (such as 127.0.0.1:3025) and --timeout a duration "
                    + "(such as 30s); check them and try again.");
            return ExitCodes.CONFIG_ERROR;
        }
        String password = null;
        if (passwordStdin) {
            password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (password == null || password.isEmpty()) {
                err.println("imssim: --password-stdin read no password; pipe it in, for example: echo 'secret' | imssim send ...");
                return ExitCodes.CONFIG_ERROR;
            }
        }
        String messageId = "<" + UUID.randomUUID() + "@imssim-send>";
        try {
            sendCommand(smtpServer.get(), messageId, password);
        } catch (MessagingException e) {
            err.println("imssim: could not send the command through " + smtpServer.get() + ": "
                    + MailFailures.describe(e) + ". Is the unit's mail server running (./imssim demo)?");
            return ExitCodes.FAILURE;
        }
        if (!await) {
            out.println("Sent \"" + String.join(" ", command) + "\" to " + to + ".");
            return ExitCodes.OK;
        }
        err.println("Sent to " + to + "; waiting up to " + timeout + " for the reply in " + email + "'s mailbox...");
        err.flush();
        try {
            Optional<String> reply = awaitReply(pop3Server.get(), messageId, wait.get());
            if (reply.isEmpty()) {
                err.println("imssim: no reply came within " + timeout + ". Check that the unit is running, that two-way "
                        + "e-mail is enabled, and that " + username + " has the contact " + email + ".");
                return ExitCodes.FAILURE;
            }
            out.print(reply.get());
            out.flush();
            return ExitCodes.OK;
        } catch (MessagingException e) {
            err.println("imssim: could not read the reply from " + pop3Server.get() + ": " + MailFailures.describe(e) + ".");
            return ExitCodes.FAILURE;
        }
    }

    private void sendCommand(HostPort server, String messageId, String password) throws MessagingException {
        Properties props = new Properties();
        props.put("mail.smtp.host", server.host());
        props.put("mail.smtp.port", Integer.toString(server.port()));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(email));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to));
        message.setSubject("ims4000");
        message.setSentDate(new Date());
        StringBuilder body = new StringBuilder()
                .append("username: ").append(username).append("\r\n")
                .append("email: ").append(email).append("\r\n");
        if (password != null) {
            body.append("password: ").append(password).append("\r\n");
        }
        body.append("command: ").append(String.join(" ", command)).append("\r\n");
        message.setText(body.toString(), "UTF-8");
        Transport.send(message);
    }

    private Optional<String> awaitReply(HostPort server, String messageId, Duration wait)
            throws MessagingException, IOException, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        Properties props = new Properties();
        props.put("mail.pop3.connectiontimeout", "10000");
        props.put("mail.pop3.timeout", "10000");
        Session session = Session.getInstance(props);
        do {
            Optional<String> reply = fetchReply(session, server, messageId);
            if (reply.isPresent()) {
                return reply;
            }
            // A person waits for a reply here: a short pause between mailbox checks keeps the server idle.
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return Optional.empty();
    }

    private Optional<String> fetchReply(Session session, HostPort server, String messageId)
            throws MessagingException, IOException {
        Store store = session.getStore("pop3");
        store.connect(server.host(), server.port(), pop3User == null ? email : pop3User, pop3Password);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            try {
                for (Message message : inbox.getMessages()) {
                    String[] inReplyTo = message.getHeader("In-Reply-To");
                    if (inReplyTo != null && inReplyTo[0].trim().equals(messageId)) {
                        Object content = message.getContent();
                        message.setFlag(Flags.Flag.DELETED, true);
                        return Optional.of(content instanceof String text ? text.replace("\r\n", "\n")
                                : "(the reply is not plain text)\n");
                    }
                }
                return Optional.empty();
            } finally {
                inbox.close(true);
            }
        } finally {
            store.close();
        }
    }
}
