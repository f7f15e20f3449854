package org.imssim.firmware.command;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rate limits of two-way e-mail (SPEC §7), in fixed windows on the unit's clock: per reply
 * address 20 commands per calendar minute, unit-wide 100 replies per clock hour. Over a limit a
 * message gets one error reply per window, then silence (events only). Loop-confined.
 */
final class RateLimits {

    static final int COMMANDS_PER_ADDRESS_PER_MINUTE = 20;
    static final int REPLIES_PER_HOUR = 100;

    /** What to do with a message. */
    enum Decision {
        /** Run its commands and reply. */
        ADMIT,
        /** Reply only {@code Too many commands; wait a minute.} (the first refusal in this window). */
        REFUSE_WITH_REPLY,
        /** No reply at all: the refusal was already sent in this window. */
        REFUSE_SILENTLY
    }

    private long minute = Long.MIN_VALUE;
    private final Map<String, Integer> commandsThisMinute = new HashMap<>();
    private final Set<String> refusedThisMinute = new HashSet<>();
    private long hour = Long.MIN_VALUE;
    private int repliesThisHour;
    private boolean refusedThisHour;

    /**
     * Decides for a message with {@code commands} commands (a message without any counts as one)
     * whose reply goes to {@code address}, and counts it.
     */
    Decision admit(String address, int commands, Instant now) {
        roll(now);
        String key = address.toLowerCase(Locale.ROOT);
        int weight = Math.max(1, commands);
        boolean addressOver = commandsThisMinute.getOrDefault(key, 0) + weight > COMMANDS_PER_ADDRESS_PER_MINUTE;
        boolean unitOver = repliesThisHour >= REPLIES_PER_HOUR;
        if (!addressOver && !unitOver) {
            commandsThisMinute.merge(key, weight, Integer::sum);
            repliesThisHour++;
            return Decision.ADMIT;
        }
        boolean firstRefusal = unitOver ? !refusedThisHour : refusedThisMinute.add(key);
        if (unitOver) {
            refusedThisHour = true;
        }
        return firstRefusal ? Decision.REFUSE_WITH_REPLY : Decision.REFUSE_SILENTLY;
    }

    private void roll(Instant now) {
        long thisMinute = Math.floorDiv(now.getEpochSecond(), 60);
        if (thisMinute != minute) {
            minute = thisMinute;
            commandsThisMinute.clear();
            refusedThisMinute.clear();
        }
        long thisHour = Math.floorDiv(now.getEpochSecond(), 3600);
        if (thisHour != hour) {
            hour = thisHour;
            repliesThisHour = 0;
            refusedThisHour = false;
        }
    }
}
