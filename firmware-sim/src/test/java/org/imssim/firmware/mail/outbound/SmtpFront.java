package org.imssim.firmware.mail.outbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A test SMTP front on loopback that forwards to a GreenMail SMTP server and plays what GreenMail
 * cannot: STARTTLS (GreenMail has none), a server that offers no AUTH (GreenMail always offers
 * it), and connections that drop under a client.
 *
 * <ul>
 *   <li>{@link Mode#RELAY}: bytes pass through unchanged, whatever the protocol (the mailbox
 *       tests relay IMAP with it).</li>
 *   <li>{@link Mode#STARTTLS}: the front greets, offers only STARTTLS, upgrades the connection
 *       with GreenMail's self-signed certificate, then passes the rest (the client's second
 *       EHLO, AUTH, the mail) through.</li>
 *   <li>{@link Mode#NO_AUTH}: the front greets and answers EHLO without AUTH, says EHLO to
 *       GreenMail itself, then passes the rest through.</li>
 * </ul>
 */
public final class SmtpFront implements AutoCloseable {

    /** What the front plays; see the class comment. */
    public enum Mode { RELAY, STARTTLS, NO_AUTH }

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final ServerSocket server;
    private final int upstreamPort;
    private final Mode mode;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    /** A front on a free loopback port that forwards to {@code upstreamPort} on loopback. */
    public SmtpFront(int upstreamPort, Mode mode) throws IOException {
        this.upstreamPort = upstreamPort;
        this.mode = mode;
        this.server = new ServerSocket(0, 50, LOOPBACK);
        Thread acceptor = new Thread(this::accept, "smtp-front-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The front's port. */
    public int port() {
        return server.getLocalPort();
    }

    /** How many connections clients have opened to the front so far. */
    public int connections() {
        return connections.get();
    }

    /** Closes every open connection, as a server does that drops idle clients. */
    public void dropConnections() {
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    @Override
    public void close() {
        closeQuietly(server);
        dropConnections();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                client.setTcpNoDelay(true);
                connections.incrementAndGet();
                open.add(client);
                Thread handler = new Thread(() -> serve(client), "smtp-front-" + connections.get());
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try {
            Socket clientSide = client;
            if (mode != Mode.RELAY) {
                OutputStream out = client.getOutputStream();
                InputStream in = client.getInputStream();
                write(out, "220 front ESMTP\r\n");
                readLine(in); // EHLO
                if (mode == Mode.STARTTLS) {
                    write(out, "250-front\r\n250 STARTTLS\r\n");
                    if (!readLine(in).equalsIgnoreCase("STARTTLS")) {
                        write(out, "530 5.7.0 Must issue a STARTTLS command first\r\n");
                        client.close();
                        return;
                    }
                    write(out, "220 2.0.0 Ready to start TLS\r\n");
                    SSLSocket tls = (SSLSocket) greenMailCertificate().getSocketFactory()
                            .createSocket(client, LOOPBACK.getHostAddress(), client.getPort(), true);
                    tls.setUseClientMode(false);
                    open.add(tls);
                    tls.startHandshake();
                    clientSide = tls;
                } else {
                    write(out, "250-front\r\n250 8BITMIME\r\n");
                }
            }
            Socket upstream = new Socket(LOOPBACK, upstreamPort);
            upstream.setTcpNoDelay(true);
            open.add(upstream);
            if (mode != Mode.RELAY) {
                readReply(upstream.getInputStream()); // GreenMail's greeting; the client had ours
                if (mode == Mode.NO_AUTH) {
                    write(upstream.getOutputStream(), "EHLO front\r\n");
                    readReply(upstream.getInputStream());
                }
            }
            Socket from = clientSide;
            Thread up = new Thread(() -> pipe(from, upstream), "smtp-front-up");
            up.setDaemon(true);
            up.start();
            pipe(upstream, clientSide);
        } catch (Exception e) {
            closeQuietly(client);
        }
    }

    private static void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** One CRLF line, read a byte at a time so that nothing after it (a TLS hello) is consumed. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0; ) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.US_ASCII);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        throw new IOException("connection closed");
    }

    /** A whole SMTP reply: lines until one with a space after the code. */
    private static void readReply(InputStream in) throws IOException {
        String line;
        do {
            line = readLine(in);
        } while (line.length() > 3 && line.charAt(3) == '-');
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing anyway
        }
    }

    /** GreenMail's self-signed certificate (greenmail.p12 in its jar, password changeit). */
    static SSLContext greenMailCertificate() throws Exception {
        char[] password = "changeit".toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream p12 = SmtpFront.class.getClassLoader().getResourceAsStream("greenmail.p12")) {
            keys.load(p12, password);
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }
}
