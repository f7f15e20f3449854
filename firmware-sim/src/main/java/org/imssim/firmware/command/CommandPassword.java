package org.imssim.firmware.command;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.imssim.firmware.config.ProfileConfig;
import org.imssim.firmware.config.TwoWayConfig;
import org.imssim.firmware.loop.UnitClock;
import org.imssim.firmware.mail.inbound.CommandMail;
import org.imssim.firmware.profile.Profiles;

/**
 * The checks a command that changes state ({@code outlet}, {@code ack}: {@link Command#needsPassword()})
 * passes before it runs (SPEC §7), in this order, the first that fails giving the reply:
 * <ol>
 *   <li><b>Lockout</b>: after {@value #MAX_WRONG} wrong passwords for a profile within 15 minutes
 *       of the unit's clock, its {@code outlet} and {@code ack} are locked for 15 minutes:
 *       {@code Too many wrong passwords; try again in 15 minutes.} — whatever the mail carries, the
 *       right password included, so a locked profile learns nothing about its guesses.</li>
 *   <li><b>Password present</b> (unless {@code two-way.require-password: false}):
 *       {@code This command needs a password: add a line "password: …".} Not counted as wrong.</li>
 *   <li><b>Replay window</b>: a {@code Date:} older than {@code two-way.max-age}, more than 10
 *       minutes ahead of the unit's clock, missing or unreadable:
 *       {@code This command is too old; send it again.} It holds with or without passwords, and
 *       comes before the comparison so that a stale or replayed mail never counts as a wrong
 *       password.</li>
 *   <li><b>Password right</b> (unless not required): the profile's {@code mail-pin} when it has one,
 *       else its password, compared exactly and in constant time: {@code The password is not
 *       right.} A wrong one counts once per message, however many commands it carries. The wrong
 *       password that completes {@value #MAX_WRONG} locks the profile, and its reply is already the
 *       lockout sentence; the {@code onLocked} callback then records the event and sends the one
 *       notice.</li>
 * </ol>
 *
 * <p>The lockout and the count of wrong passwords live in memory, on the unit's loop: a restart
 * forgets them. The password is never stored, logged, echoed or quoted: it is read here and
 * compared, nothing else. The refusals are fixed sentences.
 */
public final class CommandPassword {

    /** SPEC §7, exactly. */
    public static final String NEEDS_PASSWORD = "This command needs a password: add a line \"password: \u2026\".";
    /** SPEC §7, exactly. */
    public static final String WRONG_PASSWORD = "The password is not right.";
    /** SPEC §7, exactly. */
    public static final String TOO_OLD = "This command is too old; send it again.";
    /** SPEC §7, exactly. */
    public static final String LOCKED = "Too many wrong passwords; try again in 15 minutes.";

    /** Wrong passwords within {@link #WINDOW} that lock a profile. */
    public static final int MAX_WRONG = 5;
    /** How far back wrong passwords count. */
    public static final Duration WINDOW = Duration.ofMinutes(15);
    /** How long a lockout lasts. */
    public static final Duration LOCK = Duration.ofMinutes(15);
    /** How far ahead of the unit's clock a {@code Date:} may be. */
    public static final Duration AHEAD = Duration.ofMinutes(10);

    private final boolean required;
    private final Duration maxAge;
    private final UnitClock clock;
    private final Consumer<ProfileConfig> onLocked;
    /** Per profile (lower-case username): its wrong passwords in the window, its lockout, the last mail counted. */
    private final Map<String, Guesses> guesses = new HashMap<>();

    /**
     * @param onLocked called on the loop once per lockout, with the profile just locked
     */
    public CommandPassword(TwoWayConfig twoWay, UnitClock clock, Consumer<ProfileConfig> onLocked) {
        Objects.requireNonNull(twoWay, "twoWay");
        this.required = twoWay.requirePassword();
        this.maxAge = twoWay.maxAge();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onLocked = Objects.requireNonNull(onLocked, "onLocked");
    }

    /**
     * Whether {@code profile} may run a command that changes state with {@code mail}. Loop only.
     *
     * @return empty when it may; else why not
     */
    public Optional<Refusal> check(ProfileConfig profile, CommandMail mail) {
        Instant now = clock.now();
        String key = profile.username().toLowerCase(Locale.ROOT);
        Guesses g = guesses.get(key);
        if (g != null && g.lockedUntil != null) {
            if (now.isBefore(g.lockedUntil)) {
                return Optional.of(new Refusal(LOCKED, "locked"));
            }
            guesses.remove(key);
            g = null;
        }
        if (required && !mail.hasPassword()) {
            return Optional.of(new Refusal(NEEDS_PASSWORD, "no password"));
        }
        if (tooOld(mail, now)) {
            return Optional.of(new Refusal(TOO_OLD, "too old"));
        }
        if (required && !Profiles.same(profile.mailSecret(), mail.password())) {
            return Optional.of(wrong(profile, key, g, mail, now));
        }
        return Optional.empty();
    }

    private boolean tooOld(CommandMail mail, Instant now) {
        if (mail.date().isEmpty()) {
            return true;
        }
        Instant sent = mail.date().get();
        return sent.isBefore(now.minus(maxAge)) || sent.isAfter(now.plus(AHEAD));
    }

    private Refusal wrong(ProfileConfig profile, String key, Guesses known, CommandMail mail, Instant now) {
        Guesses g = known != null ? known : new Guesses();
        guesses.put(key, g);
        while (!g.wrong.isEmpty() && !g.wrong.peekFirst().isAfter(now.minus(WINDOW))) {
            g.wrong.removeFirst();
        }
        // One message is one guess, whatever number of commands it carries.
        if (!mail.seenKey().equals(g.lastCounted)) {
            g.lastCounted = mail.seenKey();
            g.wrong.addLast(now);
        }
        if (g.wrong.size() < MAX_WRONG) {
            return new Refusal(WRONG_PASSWORD, "wrong password");
        }
        g.wrong.clear();
        g.lockedUntil = now.plus(LOCK);
        onLocked.accept(profile);
        return new Refusal(LOCKED, "wrong password, locked");
    }

    /**
     * A command refused before it ran.
     *
     * @param sentence the reply under the command's heading
     * @param outcome  the end of the event {@code Command from <username>: <line> (<outcome>)}
     */
    public record Refusal(String sentence, String outcome) {

        public Refusal {
            Objects.requireNonNull(sentence, "sentence");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /** One profile's wrong passwords and lockout. */
    private static final class Guesses {
        private final Deque<Instant> wrong = new ArrayDeque<>();
        private Instant lockedUntil;
        private String lastCounted;
    }
}
