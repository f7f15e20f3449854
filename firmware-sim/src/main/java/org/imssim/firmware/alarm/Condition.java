package org.imssim.firmware.alarm;

/**
 * Why something alarms, in the words of SPEC §6 that alarm subjects, bodies and events use
 * ({@link #text()}): the input conditions, {@code Trouble} for a sensor gone or swapped, and the
 * conditions of things that are not inputs (PowerGates, IP devices, the mail paths).
 */
public enum Condition {
    HIGH("High"),
    LOW("Low"),
    WET("Wet"),
    SMOKE("Smoke"),
    /** A dry contact that is normally closed, found open. */
    OPEN("Open"),
    /** A dry contact that is normally open, found closed. */
    CLOSED("Closed"),
    POWER_FAIL("Power Fail"),
    BATTERY_FAULT("Battery Fault"),
    HIGH_SOUND("High Sound"),
    TROUBLE("Trouble"),
    PING_TIMEOUT("Ping Timeout"),
    RELAY_FAULT("Relay Fault"),
    LINK_DOWN("Link Down"),
    NOT_RESPONDING("Not Responding");

    private final String text;

    Condition(String text) {
        this.text = text;
    }

    /** The condition as mails and events write it: {@code High}, {@code Power Fail}, … */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
