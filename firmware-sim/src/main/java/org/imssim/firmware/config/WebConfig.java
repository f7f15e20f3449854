package org.imssim.firmware.config;

import java.util.List;
import java.util.Objects;

/**
 * Top-level {@code web:}, the console and HTTP API (SPEC §13).
 *
 * @param bind  {@code bind}, default 127.0.0.1
 * @param port  {@code port}, default 8080 (0 picks a free port)
 * @param hosts {@code hosts}, default none: further names accepted in a request's {@code Host}
 */
public record WebConfig(String bind, int port, List<String> hosts) {

    public WebConfig {
        Objects.requireNonNull(bind, "bind");
        hosts = List.copyOf(hosts);
    }
}
