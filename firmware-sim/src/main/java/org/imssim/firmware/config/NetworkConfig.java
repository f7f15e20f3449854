package org.imssim.firmware.config;

import java.util.Map;
import java.util.Objects;

/**
 * Top-level {@code network:}, how ping and trace run (SPEC §10).
 *
 * @param probe          {@code probe}, default system
 * @param simulatedHosts {@code simulated-hosts}, default none: target (address or host name) to
 *                       whether it answers ({@code true}) or not, for {@code probe: simulated}
 */
public record NetworkConfig(ProbeMode probe, Map<String, Boolean> simulatedHosts) {

    public NetworkConfig {
        Objects.requireNonNull(probe, "probe");
        simulatedHosts = Map.copyOf(simulatedHosts);
    }
}
