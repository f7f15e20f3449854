package org.imssim.firmware.demo;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.List;

/**
 * The embedded mail server of {@code imssim demo} (GreenMail) on 127.0.0.1: SMTP, POP3 and IMAP,
 * with a mailbox for the unit and one for each demo user, all with the password
 * {@value #PASSWORD}. A port of 0 picks a free one; {@link #smtpPort()} and the others tell which.
 */
public final class DemoMailServer implements AutoCloseable {

    /** The password of every demo mailbox. */
    public static final String PASSWORD = "demo";

    /** The unit's own mailbox and the demo users' mailboxes. */
    public static final List<String> MAILBOXES = List.of("ims@example.com", "alice@example.com", "bob@example.com");

    private static final String BIND = "127.0.0.1";

    private final GreenMail greenMail;

    private DemoMailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /**
     * Starts the servers.
     *
     * @throws DemoException with a sentence when a port cannot be bound
     */
    public static DemoMailServer start(int smtpPort, int pop3Port, int imapPort) {
        ServerSetup[] setups = {
            setup(smtpPort, ServerSetup.PROTOCOL_SMTP),
            setup(pop3Port, ServerSetup.PROTOCOL_POP3),
            setup(imapPort, ServerSetup.PROTOCOL_IMAP),
        };
        GreenMail greenMail = new GreenMail(setups);
        try {
            greenMail.start();
        } catch (RuntimeException e) {
            greenMail.stop();
            throw new DemoException("The demo mail server cannot listen on " + BIND + " (SMTP " + smtpPort + ", POP3 "
                    + pop3Port + ", IMAP " + imapPort + "); a port is in use. Pass --smtp-port 0 --pop3-port 0 "
                    + "--imap-port 0 to pick free ports.", e);
        }
        for (String address : MAILBOXES) {
            greenMail.setUser(address, address, PASSWORD);
        }
        return new DemoMailServer(greenMail);
    }

    private static ServerSetup setup(int port, String protocol) {
        ServerSetup setup = new ServerSetup(port, BIND, protocol);
        return port == 0 ? setup.dynamicPort() : setup;
    }

    public String host() {
        return BIND;
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

    @Override
    public void close() {
        greenMail.stop();
    }
}
