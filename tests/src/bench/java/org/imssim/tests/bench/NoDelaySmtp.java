package org.imssim.tests.bench;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHandler;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.FolderListener;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * GreenMail SMTP (and IMAP, {@link #withImap()}) on 127.0.0.1 (free ports) that sets TCP_NODELAY
 * on the sockets it accepts, so that its line-at-a-time multi-line replies (EHLO; IMAP SELECT,
 * FETCH) do not wait ≈ 40 ms for a delayed ACK
 * (DEPENDENCIES.md §7). The same idea as firmware-sim's test helper {@code NoDelayGreenMail},
 * which the bench sources cannot use.
 *
 * <p>{@link #onDelivered} reports each mail as the server stores it in a user's inbox: GreenMail
 * stores it while handling DATA, before it answers {@code 250}, so that moment is the server's
 * acceptance (give or take the reply's write).
 */
final class NoDelaySmtp extends GreenMail {

    NoDelaySmtp() {
        super(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    /**
     * SMTP and, beside it, IMAP on the same mailboxes, both with TCP_NODELAY. GreenMail's
     * {@code ImapServer} class is final, so IMAP is a plain server running GreenMail's own IMAP
     * handler, as in firmware-sim's {@code NoDelayGreenMail}; {@code getImap()} is then null (use
     * {@link #imapPort()}).
     */
    static NoDelaySmtp withImap() {
        return new NoDelaySmtp(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
        });
    }

    private NoDelaySmtp(ServerSetup[] setups) {
        super(setups);
    }

    int imapPort() {
        return services.get(ServerSetup.PROTOCOL_IMAP).getPort();
    }

    int port() {
        return getSmtp().getPort();
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
        Map<String, AbstractServer> services = new java.util.HashMap<>();
        for (ServerSetup setup : config) {
            if (ServerSetup.PROTOCOL_IMAP.equals(setup.getProtocol())) {
                // Stock GreenMail IMAP writes multi-line answers a line at a time with Nagle's algorithm
                // on: each would wait ≈ 40 ms for a delayed ACK, the test server's cost, not the unit's.
                services.put(ServerSetup.PROTOCOL_IMAP, new AbstractServer(setup, managers) {
                    @Override
                    protected ProtocolHandler createProtocolHandler(Socket socket) {
                        return new ImapHandler(managers.getUserManager(), managers.getImapHostManager(), socket);
                    }

                    @Override
                    protected void handleClientSocket(Socket socket) throws SocketException {
                        socket.setTcpNoDelay(true);
                        super.handleClientSocket(socket);
                    }
                });
            } else {
                services.put(ServerSetup.PROTOCOL_SMTP, new SmtpServer(setup, managers) {
                    @Override
                    protected void handleClientSocket(Socket socket) throws SocketException {
                        socket.setTcpNoDelay(true);
                        super.handleClientSocket(socket);
                    }
                });
            }
        }
        return services;
    }

    /**
     * Creates the user {@code address} and calls {@code delivered} on the server's connection
     * thread each time a mail lands in its inbox. Keep it short.
     */
    void onDelivered(String address, Consumer<Arrival> delivered) throws FolderException {
        GreenMailUser user = setUser(address, address, "secret");
        getManagers().getImapHostManager().getInbox(user).addListener(new FolderListener() {
            @Override
            public void added(int msn) {
                delivered.accept(new Arrival(System.nanoTime(), Instant.now()));
            }

            @Override
            public void expunged(int msn) {
            }

            @Override
            public void flagsUpdated(int msn, Flags flags, Long uid) {
            }

            @Override
            public void mailboxDeleted() {
            }
        });
    }

    /** When the server stored a mail: {@link System#nanoTime()} and the wall clock. */
    record Arrival(long nanos, Instant wall) {
    }
}
