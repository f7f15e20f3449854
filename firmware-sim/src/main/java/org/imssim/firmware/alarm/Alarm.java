package org.imssim.firmware.alarm;

import java.util.Optional;

/**
 * One alarm state machine of the engine, an input's ({@link InputAlarm}) or a thing's that is not
 * an input ({@link FaultAlarm}): what the engine needs to resume, acknowledge and list them alike.
 * Loop-confined.
 */
interface Alarm {

    AlarmAddress address();

    AlarmState state();

    /** The open occurrence, acknowledged or not. */
    Optional<Occurrence> occurrence();

    /** The unit as alarm subjects name it. */
    String unitName();

    /** The thing's name as alarm subjects name it. */
    String name();

    /** Takes up an occurrence found open in the store, before the alarm starts. */
    void resume(Occurrence stored);

    /**
     * Acknowledges the open occurrence if it waits for it.
     *
     * @return the occurrence just after, or empty when there was nothing to acknowledge
     */
    Optional<Occurrence> acknowledge(Acknowledgment by);

    /** Whether it is watched inside its schedule now ({@code true} without a schedule). */
    void setInSchedule(boolean in);

    /** Stops its timers and subscriptions; an open occurrence stays as it is. */
    void stop();
}
