package org.imssim.firmware.mail;

import jakarta.mail.MessagingException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;

/**
 * A Jakarta Mail failure and its causes, outermost first, following a {@link MessagingException}'s
 * next exception before its cause: what the SMTP and mailbox failures are classified by, most
 * telling cause first.
 *
 * <p>The chain stops after 16 links, or at a link it already holds, so a cyclic chain ends. The
 * questions it answers are about the links' types and Angus Mail's own fixed sentences; what it
 * gives for a log line is the types only, never the text, which may echo a server.
 */
public final class MailFailureChain {

    private static final int MAX_LINKS = 16;
    /** Angus's own write timeout (WriteTimeoutSocket) reports itself with this text. */
    private static final String WRITE_TIMED_OUT = "Write timed out";

    private final List<Throwable> links;

    private MailFailureChain(List<Throwable> links) {
        this.links = links;
    }

    /** The chain of {@code failure}. */
    public static MailFailureChain of(Throwable failure) {
        List<Throwable> links = new ArrayList<>();
        for (Throwable t = failure; t != null && links.size() < MAX_LINKS && !links.contains(t); t = next(t)) {
            links.add(t);
        }
        return new MailFailureChain(List.copyOf(links));
    }

    /** The failure and its causes, outermost first. */
    public List<Throwable> links() {
        return links;
    }

    /** True when a link is a {@code type}. */
    public boolean has(Class<? extends Throwable> type) {
        return links.stream().anyMatch(type::isInstance);
    }

    /** True when a link's message starts with one of {@code sentences}: for Angus Mail's own words. */
    public boolean saysAtStart(String... sentences) {
        return links.stream().map(Throwable::getMessage)
                .anyMatch(text -> text != null && Arrays.stream(sentences).anyMatch(text::startsWith));
    }

    /** True when a TLS handshake failed or a certificate was refused. */
    public boolean tlsFailed() {
        return has(SSLException.class) || has(CertificateException.class);
    }

    /** True when connecting, an answer, or a write took longer than its timeout. */
    public boolean timedOut() {
        return has(SocketTimeoutException.class)
                || links.stream().anyMatch(t -> t.getMessage() != null && t.getMessage().contains(WRITE_TIMED_OUT));
    }

    /** True when the server's name does not resolve, or there is no route to it or its port. */
    public boolean unreachable() {
        return has(UnknownHostException.class) || has(NoRouteToHostException.class)
                || has(PortUnreachableException.class);
    }

    /** The links' types, {@code MessagingException < ConnectException}, for a debug log line. */
    public String types() {
        return links.stream().map(t -> t.getClass().getSimpleName()).collect(Collectors.joining(" < "));
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null) {
            return m.getNextException();
        }
        return t.getCause();
    }
}
