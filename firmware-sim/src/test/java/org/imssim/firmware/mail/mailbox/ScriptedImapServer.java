package org.imssim.firmware.mail.mailbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An IMAP server on loopback that answers the few commands a session sends, with a mailbox of
 * {@code exists} messages, and {@code UID FETCH} from a script: for the answers a real server may
 * give and GreenMail does not (a FETCH for another message in between, a BAD for {@code 1:*}).
 * One connection at a time; the commands it got are kept.
 */
final class ScriptedImapServer implements AutoCloseable {

    private final ServerSocket server;
    private final int exists;
    private final Function<String, List<String>> uidFetch;
    final List<String> commands = new CopyOnWriteArrayList<>();
    /** Runs before each SELECT is answered: a test may hold the client there. */
    volatile Runnable beforeSelect = () -> { };
    /** Conversations that have ended, the client's or the server's doing. */
    final AtomicInteger ended = new AtomicInteger();

    /**
     * @param uidFetch the untagged lines for a {@code UID FETCH} with these arguments, then its
     *                 tagged result as a last line without the tag ({@code OK …}, {@code BAD …})
     */
    ScriptedImapServer(int exists, Function<String, List<String>> uidFetch) throws IOException {
        this.server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        this.exists = exists;
        this.uidFetch = uidFetch;
        Thread thread = new Thread(this::serve, "scripted-imap");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                converse(client);
            } catch (IOException e) {
                // closed, or the client went: wait for the next one
            } finally {
                ended.incrementAndGet();
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = client.getOutputStream();
        write(out, "* OK [CAPABILITY IMAP4rev1 IDLE] scripted");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            commands.add(line);
            String[] parts = line.split(" ", 3);
            String tag = parts[0];
            String command = parts.length > 1 ? parts[1].toUpperCase(Locale.ROOT) : "";
            String rest = parts.length > 2 ? parts[2] : "";
            switch (command) {
                case "CAPABILITY" -> write(out, "* CAPABILITY IMAP4rev1 IDLE", tag + " OK done");
                case "LOGIN" -> write(out, tag + " OK logged in");
                case "SELECT", "EXAMINE" -> {
                    beforeSelect.run();
                    write(out, "* " + exists + " EXISTS", "* 0 RECENT",
                        "* OK [UIDVALIDITY 7] ok", "* OK [UIDNEXT 100] ok", "* FLAGS (\\Deleted \\Seen)",
                        tag + " OK [READ-WRITE] selected");
                }
                case "UID" -> {
                    String[] uid = rest.split(" ", 2);
                    if (uid[0].equalsIgnoreCase("FETCH")) {
                        List<String> lines = uidFetch.apply(uid[1]);
                        for (int i = 0; i < lines.size() - 1; i++) {
                            write(out, lines.get(i));
                        }
                        write(out, tag + " " + lines.get(lines.size() - 1));
                    } else {
                        write(out, tag + " OK done");
                    }
                }
                case "LOGOUT" -> {
                    write(out, "* BYE bye", tag + " OK done");
                    return;
                }
                default -> write(out, tag + " OK done"); // NOOP, CLOSE, EXPUNGE
            }
        }
    }

    private static void write(OutputStream out, String... lines) throws IOException {
        for (String line : lines) {
            out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
