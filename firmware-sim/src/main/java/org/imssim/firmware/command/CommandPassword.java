package org.imssim.firmware.command;

import java.util.Objects;
import java.util.Optional;
import org.imssim.firmware.config.ProfileConfig;
import org.imssim.firmware.config.TwoWayConfig;
import org.imssim.firmware.mail.inbound.CommandMail;
import org.imssim.firmware.profile.Profiles;

/**
 * The one check a command that changes state ({@code outlet}, {@code ack}:
 * {@link Command#needsPassword()}) passes before it runs (SPEC §7): the mail's {@code password:}
 * must be the profile's {@code mail-pin} when it has one, else its password, compared exactly and
 * in constant time — unless {@code two-way.require-password: false}.
 *
 * <p>The password is never stored, logged, echoed or quoted: it is read here and compared, nothing
 * else. The refusals are fixed sentences.
 *
 * <p>Issue C extends this class, keeping it the only place commands are checked: the replay window
 * ({@code Date:} older than {@code two-way.max-age}, more than 10 minutes ahead, or missing:
 * {@code This command is too old; send it again.}) and the lockout after 5 wrong passwords in 15
 * minutes ({@code Too many wrong passwords; try again in 15 minutes.}, a notice mail, the event
 * {@code Locked: <username>, too many wrong passwords}). Both need the unit's clock and, for the
 * lockout, state per profile; an instance lives as long as the unit's command handler for that
 * reason. A missing password is not counted as a wrong one.
 */
public final class CommandPassword {

    /** SPEC §7, exactly. */
    public static final String NEEDS_PASSWORD = "This command needs a password: add a line \"password: \u2026\".";
    /** SPEC §7, exactly. */
    public static final String WRONG_PASSWORD = "The password is not right.";

    private final boolean required;

    public CommandPassword(TwoWayConfig twoWay) {
        this.required = Objects.requireNonNull(twoWay, "twoWay").requirePassword();
    }

    /**
     * Whether {@code profile} may run a command that changes state with {@code mail}.
     *
     * @return empty when it may; else why not
     */
    public Optional<Refusal> check(ProfileConfig profile, CommandMail mail) {
        if (!required) {
            return Optional.empty();
        }
        if (!mail.hasPassword()) {
            return Optional.of(new Refusal(NEEDS_PASSWORD, "no password"));
        }
        if (!Profiles.same(profile.mailSecret(), mail.password())) {
            return Optional.of(new Refusal(WRONG_PASSWORD, "wrong password"));
        }
        return Optional.empty();
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
}
