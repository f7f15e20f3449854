package org.imssim.firmware.event;

import java.util.Locale;

/** Where an event in the history comes from (SPEC §8). */
public enum EventSource {
    INPUT, IP, OUTLET, PROFILE, MAIL, SYSTEM;

    /** The word used in the API and the store: {@code input}, {@code ip}, … */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
