package org.imssim.firmware.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Properties;
import javax.net.SocketFactory;

/**
 * Plain sockets with TCP_NODELAY, for the unit's SMTP, POP3 and IMAP connections. Jakarta Mail
 * (Angus) has no property for TCP_NODELAY, but takes a socket factory
 * ({@code mail.<protocol>.socketFactory}); STARTTLS wraps the socket this makes, so the option
 * holds for it too. Mail commands are small writes; with Nagle's algorithm on, a write that
 * follows another before its ACK (the end of a message's DATA, say) can wait for the server's
 * delayed ACK, about 40 ms.
 *
 * <p>Only for protocols that connect in plain text ({@code smtp}, {@code pop3}, {@code imap});
 * the TLS-on-connect ones ({@code smtps}, …) keep Angus's own SSL socket factory and its trust
 * settings.
 */
public final class NoDelaySockets extends SocketFactory {

    private static final NoDelaySockets INSTANCE = new NoDelaySockets();

    private NoDelaySockets() {
    }

    /** Puts the factory into {@code props} for {@code protocol}, when that protocol connects in plain text. */
    public static void use(Properties props, String protocol) {
        if (!protocol.endsWith("s")) {
            props.put("mail." + protocol + ".socketFactory", INSTANCE);
            // Without this Angus would try the default factory when ours fails, hiding the failure.
            props.setProperty("mail." + protocol + ".socketFactory.fallback", "false");
        }
    }

    @Override
    public Socket createSocket() throws IOException {
        return noDelay(new Socket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return noDelay(new Socket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return noDelay(new Socket(address, port, localAddress, localPort));
    }

    private static Socket noDelay(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        return socket;
    }
}
