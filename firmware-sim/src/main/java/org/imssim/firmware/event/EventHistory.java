package org.imssim.firmware.event;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The unit's event history (SPEC §8). {@link #record} is called on the unit's event loop only.
 *
 * <p>Texts are the contract texts of SPEC §8, filled in; never a secret, never an exception's text.
 */
public interface EventHistory {

    /** Records an event at the unit clock's current time. */
    void record(String unit, EventSource source, String text);

    /** The newest {@code limit} events, newest first, including every event recorded before this call. */
    CompletionStage<List<Event>> newest(int limit);
}
