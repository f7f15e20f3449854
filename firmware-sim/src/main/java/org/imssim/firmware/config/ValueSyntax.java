package org.imssim.firmware.config;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The spelling of scalar values in the configuration file: durations, numbers, booleans, dates, addresses. */
final class ValueSyntax {

    static final String DURATION_SENTENCE = "must be a duration such as 30s, 5m or 1h";
    static final String WHOLE_NUMBER_SENTENCE = "must be a whole number";
    static final String NUMBER_SENTENCE = "must be a number such as 72 or 21.5";
    static final String BOOLEAN_SENTENCE = "must be true or false";
    static final String DATE_SENTENCE = "must be a date such as 2026-12-25";
    static final String EMAIL_SENTENCE = "must be an e-mail address such as alice@example.com";
    static final String HOST_SENTENCE = "must be an IPv4 address or a host name";
    static final String ADDRESS_SENTENCE = "must be an IP address or a host name";

    private static final Pattern DURATION = Pattern.compile("(\\d{1,12})(ms|s|m|h|d)");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,9}");
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d{1,12}(\\.\\d{1,12})?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>,;\"]+@[^@\\s<>,;\"]+");
    /** Letters, digits, '-' and '.', not starting with '-' (SPEC §7: a ping target). */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.][A-Za-z0-9.-]{0,252}");

    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private ValueSyntax() {
    }

    /** {@code 0} or {@code <integer><ms|s|m|h|d>} (SPEC §12). */
    static Optional<Duration> duration(String text) {
        if (text.equals("0")) {
            return Optional.of(Duration.ZERO);
        }
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        return Optional.of(switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        });
    }

    static OptionalInt integer(String text) {
        return INTEGER.matcher(text).matches() ? OptionalInt.of(Integer.parseInt(text)) : OptionalInt.empty();
    }

    /** A decimal number with {@code .} as separator; no exponents, no NaN, no infinities. */
    static OptionalDouble number(String text) {
        return NUMBER.matcher(text).matches() ? OptionalDouble.of(Double.parseDouble(text)) : OptionalDouble.empty();
    }

    /** The YAML 1.1 boolean words, as people write them: true/false, yes/no, on/off, any case. */
    static Optional<Boolean> bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> Optional.of(Boolean.TRUE);
            case "false", "no", "off" -> Optional.of(Boolean.FALSE);
            default -> Optional.empty();
        };
    }

    static Optional<LocalDate> date(String text) {
        if (!DATE.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static boolean isEmailAddress(String text) {
        return EMAIL.matcher(text).matches();
    }

    /** An IPv4 address, a host name or an IPv6 literal: a server or bind address. */
    static boolean isAddress(String text) {
        return isHost(text) || IPV6.matcher(text).matches();
    }

    /** An IPv4 address or a host name as a ping target may be written (SPEC §7). */
    static boolean isHost(String text) {
        return HOST.matcher(text).matches() && !text.contains("..");
    }
}
