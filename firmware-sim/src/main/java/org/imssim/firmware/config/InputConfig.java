package org.imssim.firmware.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.imssim.devices.sensor.SensorType;

/**
 * One input of the Host ({@code inputs:}) or of a Node ({@code nodes[].inputs}), SPEC §3 and §12.
 *
 * <p>Settings whose default depends on the sensor type — {@code low}, {@code high},
 * {@code recognitionTime}, {@code alarmClass} and {@code initial} — are {@code null} when not
 * written: absent = the sensor type's default of SPEC §3, applied by the devices layer. Every other
 * component holds its written value or its §12 default.
 *
 * @param channel         {@code channel}, required: Host 1–11, Node 1–9, unique in its unit
 * @param type            {@code type}; on Host channels 9–11 and Node channel 9 the channel's fixed type when left out
 * @param name            {@code name}; null when unnamed (the unit then says {@code Input <channel>}, {@code AC Power}, …)
 * @param enabled         {@code enabled}, default true
 * @param schedule        {@code schedule}; null when not written (always active)
 * @param calibration     {@code calibration}, default 0: added to a numeric reading
 * @param low             {@code low}, numeric types only; null = the type's default
 * @param high            {@code high}, numeric types only; null = the type's default
 * @param recognitionTime {@code recognition-time}; null = the type's default
 * @param resetTime       {@code reset-time}, default 0 (never re-arm)
 * @param alarmClass      {@code class}; null = the type's default class
 * @param returnToNormal  {@code return-to-normal}, default true
 * @param datalog         {@code datalog}, default true
 * @param alarmResponses  {@code alarm-responses}, at most 4
 * @param backend         {@code backend}, default mock
 * @param initial         {@code initial}, mock channels only: a number for numeric types, else the
 *                        reading's word ({@code dry}, {@code open}, {@code ok}, …); null = the type's default
 * @param normal          {@code normal}, dry contacts only, default closed
 * @param range           {@code range}, current sensors only: 15 or 20 A, default 20
 * @param gpio            {@code gpio}, with {@code backend: gpio} only; else null
 * @param onewire         {@code onewire}, with {@code backend: onewire} only; else null
 */
public record InputConfig(int channel, SensorType type, String name, boolean enabled, ScheduleConfig schedule,
                          double calibration, Double low, Double high, Duration recognitionTime,
                          Duration resetTime, String alarmClass, boolean returnToNormal, boolean datalog,
                          List<AlarmResponseConfig> alarmResponses, InputBackend backend, String initial,
                          ContactNormal normal, int range, GpioInputConfig gpio, OneWireConfig onewire) {

    public InputConfig {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(resetTime, "resetTime");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(normal, "normal");
        alarmResponses = List.copyOf(alarmResponses);
    }
}
