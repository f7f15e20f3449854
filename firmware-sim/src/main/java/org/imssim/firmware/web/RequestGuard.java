package org.imssim.firmware.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code Host} and {@code Origin} rules of SPEC §13, checked before credentials.
 *
 * <p>A request whose {@code Host} (port aside) is not the bind address, {@code localhost},
 * {@code 127.0.0.1} or a name in {@code web.hosts} is refused, so that a web page on another
 * site cannot reach the unit through DNS rebinding. A request with an {@code Origin} must come
 * from {@code http://} + its own accepted {@code Host}; a request without one (curl, scripts)
 * passes.
 */
public final class RequestGuard {

    static final String WRONG_HOST =
            "This unit answers only to its own address; add the name you used to web.hosts.";
    static final String FOREIGN_ORIGIN =
            "Requests from other web sites are not accepted.";

    private final Set<String> hosts = new LinkedHashSet<>();

    public RequestGuard(String bindAddress, List<String> extraHosts) {
        hosts.add(normalise(bindAddress));
        hosts.add("localhost");
        hosts.add("127.0.0.1");
        for (String h : extraHosts) {
            hosts.add(normalise(h));
        }
    }

    /** The refusal sentence for this request, or empty when it passes. */
    public Optional<String> check(String hostHeader, String originHeader) {
        if (hostHeader == null || hostHeader.isBlank() || !hosts.contains(hostName(hostHeader))) {
            return Optional.of(WRONG_HOST);
        }
        if (originHeader != null) {
            String expected = "http://" + hostHeader.trim();
            if (!originHeader.trim().equalsIgnoreCase(expected)) {
                return Optional.of(FOREIGN_ORIGIN);
            }
        }
        return Optional.empty();
    }

    /** The host part of a Host header: {@code [::1]:8080} gives {@code ::1}, {@code a.b:80} gives {@code a.b}. */
    static String hostName(String hostHeader) {
        String h = hostHeader.trim();
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            return close < 0 ? normalise(h) : normalise(h.substring(1, close));
        }
        int colon = h.indexOf(':');
        if (colon >= 0 && h.indexOf(':', colon + 1) < 0) {
            h = h.substring(0, colon);
        }
        return normalise(h);
    }

    private static String normalise(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h;
    }
}
