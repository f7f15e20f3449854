package org.imssim.firmware.config;

import java.util.Objects;

/**
 * One of a profile's (at most 8) {@code contacts} (SPEC §4, §5). At least one of
 * {@code informOnly} and {@code untilAcknowledged} is true.
 *
 * @param email             {@code email}, required
 * @param informOnly        {@code inform-only}, default false: gets round 1 and return-to-normal mails
 * @param untilAcknowledged {@code until-acknowledged}, default true: gets every round until acknowledged
 * @param schedule          {@code schedule}; null when not written (always active)
 */
public record ContactConfig(String email, boolean informOnly, boolean untilAcknowledged, ScheduleConfig schedule) {

    public ContactConfig {
        Objects.requireNonNull(email, "email");
    }
}
