package org.imssim.firmware.mail.outbound;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHandler;
import com.icegreen.greenmail.pop3.Pop3Server;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.Socket;
import java.net.SocketException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * GreenMail on loopback with a free port per protocol, and TCP_NODELAY on the sockets its
 * servers accept.
 *
 * <p>Stock GreenMail writes multi-line replies (EHLO, LIST, RETR, FETCH) a line at a time with
 * Nagle's algorithm on, so each waits about 40 ms for a delayed ACK (DEPENDENCIES.md §7): the
 * test server's cost, not ours. Its IMAP server class is final, so IMAP gets a plain server
 * that runs GreenMail's own IMAP handler; {@code getImap()} is not available (use {@link #port}).
 */
public final class NoDelayGreenMail extends GreenMail {

    /** A server for each protocol ({@code ServerSetup.PROTOCOL_SMTP}, …), on 127.0.0.1, port 0. */
    public NoDelayGreenMail(String... protocols) {
        super(Arrays.stream(protocols).map(p -> new ServerSetup(0, "127.0.0.1", p)).toArray(ServerSetup[]::new));
    }

    /** The port the server of {@code protocol} listens on, once started. */
    public int port(String protocol) {
        return services.get(protocol).getPort();
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
        Map<String, AbstractServer> services = new HashMap<>();
        for (ServerSetup setup : config) {
            String protocol = setup.getProtocol();
            if (protocol.startsWith(ServerSetup.PROTOCOL_SMTP)) {
                services.put(protocol, new SmtpServer(setup, managers) {
                    @Override
                    protected void handleClientSocket(Socket socket) throws SocketException {
                        socket.setTcpNoDelay(true);
                        super.handleClientSocket(socket);
                    }
                });
            } else if (protocol.startsWith(ServerSetup.PROTOCOL_POP3)) {
                services.put(protocol, new Pop3Server(setup, managers) {
                    @Override
                    protected void handleClientSocket(Socket socket) throws SocketException {
                        socket.setTcpNoDelay(true);
                        super.handleClientSocket(socket);
                    }
                });
            } else if (protocol.startsWith(ServerSetup.PROTOCOL_IMAP)) {
                services.put(protocol, new AbstractServer(setup, managers) {
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
                services.putAll(super.createServices(new ServerSetup[] {setup}, managers));
            }
        }
        return services;
    }
}
