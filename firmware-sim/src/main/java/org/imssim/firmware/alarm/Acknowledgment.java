package org.imssim.firmware.alarm;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Who acknowledged an occurrence, how and when: a profile ({@link #byUser}) or the unit itself
 * ({@link #byUnit}). "The acknowledger" of SPEC §4, whose contacts get the return-to-normal mail,
 * is {@link #username()}; the unit has none.
 */
public final class Acknowledgment {

    private final String username;
    private final Via via;
    private final UnitAcknowledgment unitReason;
    private final Instant at;

    private Acknowledgment(String username, Via via, UnitAcknowledgment unitReason, Instant at) {
        this.username = username;
        this.via = via;
        this.unitReason = unitReason;
        this.at = Objects.requireNonNull(at, "at");
    }

    /**
     * Acknowledged by the profile {@code username} by e-mail, on the web console or through the API.
     *
     * @throws IllegalArgumentException for a blank username or {@link Via#UNIT}
     */
    public static Acknowledgment byUser(String username, Via via, Instant at) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(via, "via");
        if (username.isBlank() || via == Via.UNIT) {
            throw new IllegalArgumentException("A profile acknowledges by e-mail, web or api, with its username.");
        }
        return new Acknowledgment(username, via, null, at);
    }

    /** Acknowledged by the unit itself, for {@code reason}. */
    public static Acknowledgment byUnit(UnitAcknowledgment reason, Instant at) {
        return new Acknowledgment(null, Via.UNIT, Objects.requireNonNull(reason, "reason"), at);
    }

    /** The profile that acknowledged; empty when the unit did. */
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    public Via via() {
        return via;
    }

    /** Why the unit acknowledged; empty when a profile did. */
    public Optional<UnitAcknowledgment> unitReason() {
        return Optional.ofNullable(unitReason);
    }

    /** When, on the unit's clock. */
    public Instant at() {
        return at;
    }

    /**
     * The event of SPEC §8: {@code Acknowledged: <input name> by <username> via <e-mail|web|api>}, or
     * {@code Acknowledged by the unit: <reason>}.
     */
    public String eventText(String inputName) {
        return unitReason != null
                ? "Acknowledged by the unit: " + unitReason.words()
                : "Acknowledged: " + inputName + " by " + username + " via " + via.word();
    }

    @Override
    public String toString() {
        return unitReason != null ? "by the unit (" + unitReason.words() + ")" : "by " + username + " via " + via.word();
    }
}
