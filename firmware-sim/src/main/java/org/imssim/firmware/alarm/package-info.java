/**
 * The alarms of a unit's inputs (SPEC §4): {@link org.imssim.firmware.alarm.AlarmEngine} runs one
 * state machine per input in use on the unit's event loop and clock, starts and ends
 * {@linkplain org.imssim.firmware.alarm.Occurrence occurrences} with their acknowledgment codes,
 * records the events of SPEC §8 through {@link org.imssim.firmware.alarm.AlarmEvents}, and tells an
 * {@link org.imssim.firmware.alarm.AlarmListener} what delivery needs to know.
 */
package org.imssim.firmware.alarm;
