package org.imssim.firmware.config;

import java.time.Duration;
import java.util.Objects;

/**
 * One IP device monitor ({@code ip-devices:}), SPEC §2 and §4: a target pinged every interval.
 *
 * @param name           {@code name}, required, unique
 * @param address        {@code address}, required: an IPv4 address or a host name
 * @param unit           {@code unit}, default {@code host}
 * @param enabled        {@code enabled}, default true
 * @param interval       {@code interval}, default 60s
 * @param timeout        {@code timeout}, default 2s
 * @param retries        {@code retries}, default 3
 * @param alarmClass     {@code class}, default {@code IP Alarms}
 * @param resetTime      {@code reset-time}, default 0 (never re-arm)
 * @param returnToNormal {@code return-to-normal}, default true
 * @param schedule       {@code schedule}; null when not written (always active)
 */
public record IpDeviceConfig(String name, String address, String unit, boolean enabled, Duration interval,
                             Duration timeout, int retries, String alarmClass, Duration resetTime,
                             boolean returnToNormal, ScheduleConfig schedule) {

    public IpDeviceConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(alarmClass, "alarmClass");
        Objects.requireNonNull(resetTime, "resetTime");
    }
}
