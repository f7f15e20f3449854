package org.imssim.firmware.event;

import java.util.List;

/**
 * The unit's event history. Called on the unit's event loop only.
 *
 * <p>Texts are the contract texts of SPEC §8, filled in; never a secret, never an exception's text.
 */
public interface EventHistory {

    /** Records an event at the unit clock's current time. */
    void record(String unit, EventSource source, String text);

    /** The newest {@code limit} events, newest first. */
    List<Event> newest(int limit);
}
