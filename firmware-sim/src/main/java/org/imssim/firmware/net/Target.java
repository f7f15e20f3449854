package org.imssim.firmware.net;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A ping or trace target from a mail (SPEC §7): an IPv4 address or a host name of letters,
 * digits, {@code -} and {@code .}, not starting with {@code -}. Nothing else reaches a tool, so
 * no mail can pass an option or a shell word to it.
 */
public record Target(String text) {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,252}");

    /** The target, when {@code text} is one. */
    public static Optional<Target> parse(String text) {
        return text != null && ALLOWED.matcher(text).matches() ? Optional.of(new Target(text)) : Optional.empty();
    }
}
