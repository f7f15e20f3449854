package org.imssim.firmware.alarm;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The acknowledgment codes of the open occurrences and the input alarm that holds each: random
 * 8-digit codes, kept as text because they may start with 0, unique among open occurrences
 * (SPEC §4). A code stays taken until its occurrence ends, acknowledged or not. Loop-confined.
 */
final class AcknowledgmentCodes {

    private static final int CODES = 100_000_000;

    private final RandomGenerator random;
    private final Map<String, Alarm> taken = new HashMap<>();

    AcknowledgmentCodes() {
        this(new SecureRandom());
    }

    /** With a source of randomness of the caller's (tests force collisions). */
    AcknowledgmentCodes(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new code for {@code holder}, different from every code taken. */
    String issue(Alarm holder) {
        if (taken.size() >= CODES / 2) {
            throw new IllegalStateException("Too many open occurrences for 8-digit codes");
        }
        while (true) {
            String code = String.format(java.util.Locale.ROOT, "%08d", random.nextInt(CODES));
            if (!taken.containsKey(code)) {
                taken.put(code, holder);
                return code;
            }
        }
    }

    /**
     * Takes {@code code} again for {@code holder} (an occurrence resumed after a restart), or for
     * nobody ({@code holder} null: a stored occurrence this engine does not resume keeps its code
     * taken, and the code acknowledges nothing).
     *
     * @throws IllegalStateException when the code is already taken (the store keeps codes unique)
     */
    void reserve(String code, Alarm holder) {
        if (taken.containsKey(code)) {
            throw new IllegalStateException("Acknowledgment code " + code + " is already taken");
        }
        taken.put(code, holder);
    }

    /** Frees {@code code}: its occurrence ended. */
    void release(String code) {
        taken.remove(code);
    }

    /** The input alarm whose open occurrence has {@code code}. */
    Optional<Alarm> holder(String code) {
        return Optional.ofNullable(taken.get(code));
    }
}
