package org.imssim.firmware.config;

import java.util.List;
import java.util.Objects;

/**
 * Top-level {@code snmp:}, the read-only agent (SPEC §15). {@code toString()} masks the community.
 *
 * @param enabled      {@code enabled}, default false
 * @param bind         {@code bind}, default 127.0.0.1
 * @param port         {@code port}, default 161 (0 picks a free port)
 * @param community    {@code community} or {@code community-file}, default {@code public}
 * @param trapManagers {@code trap-managers}, default none: {@code host} or {@code host:port} entries
 */
public record SnmpConfig(boolean enabled, String bind, int port, String community, List<String> trapManagers) {

    public SnmpConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(community, "community");
        trapManagers = List.copyOf(trapManagers);
    }

    @Override
    public String toString() {
        return "SnmpConfig[enabled=" + enabled + ", bind=" + bind + ", port=" + port
                + ", community=" + Masked.of(community) + ", trapManagers=" + trapManagers + "]";
    }
}
