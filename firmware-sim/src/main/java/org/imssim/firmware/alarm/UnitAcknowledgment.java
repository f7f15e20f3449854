package org.imssim.firmware.alarm;

/**
 * Why the unit acknowledged an occurrence itself (SPEC §4 Delivery), with the end of the event
 * {@code Acknowledged by the unit: <words>}.
 */
public enum UnitAcknowledgment {
    /** One intercall delay after the last round, nobody acknowledged. */
    ROUNDS_USED_UP("calling rounds used up"),
    /** Round 1 reached no until-acknowledged contact. */
    NO_UNTIL_ACKNOWLEDGED_CONTACT("no until-acknowledged contact");

    private final String words;

    UnitAcknowledgment(String words) {
        this.words = words;
    }

    /** {@code calling rounds used up}, {@code no until-acknowledged contact}. */
    public String words() {
        return words;
    }
}
