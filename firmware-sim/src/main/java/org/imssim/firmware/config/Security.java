package org.imssim.firmware.config;

/** How a mail connection is secured: {@code none}, {@code starttls} or {@code tls} (implicit TLS). It also picks the default port. */
public enum Security {
    NONE, STARTTLS, TLS
}
