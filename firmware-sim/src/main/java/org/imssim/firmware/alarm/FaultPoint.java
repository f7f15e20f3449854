package org.imssim.firmware.alarm;

import java.time.Duration;
import java.util.Objects;
import org.imssim.firmware.config.ScheduleConfig;
import org.imssim.firmware.event.EventSource;

/**
 * A thing that is not an input but alarms through the same machine (SPEC §4): what it is called,
 * the one condition it alarms with, and its timing.
 *
 * @param address        its alarm address
 * @param unitName       the unit as alarm subjects name it
 * @param name           its name in mails and events: {@code SMTP server}, {@code Mailbox}, the IP
 *                       device's name, {@code PowerGate <n> <name>}, {@code Outlet <n>/<m> <name>}
 * @param alarmClass     {@code Diagnostic}, or the IP device's class
 * @param condition      the condition it alarms with
 * @param normalWord     what its return to normal is called in mails ({@code Responding}, {@code Normal})
 * @param recognition    how long the fault must last before it alarms ({@code 0}: at once)
 * @param resetTime      re-arm after this long acknowledged and still faulty ({@code 0}: never)
 * @param returnToNormal whether the return to normal is mailed
 * @param schedule       when it is watched; null: always
 * @param source         the source of its events in the history
 */
record FaultPoint(AlarmAddress address, String unitName, String name, String alarmClass, Condition condition,
                  String normalWord, Duration recognition, Duration resetTime, boolean returnToNormal,
                  ScheduleConfig schedule, EventSource source) {

    FaultPoint {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(unitName, "unitName");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(alarmClass, "alarmClass");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(normalWord, "normalWord");
        Objects.requireNonNull(recognition, "recognition");
        Objects.requireNonNull(resetTime, "resetTime");
        Objects.requireNonNull(source, "source");
    }
}
