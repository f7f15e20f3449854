package org.imssim.firmware.config;

/** How records show a secret in {@code toString()}: whether it is set, never its value. */
final class Masked {

    private Masked() {
    }

    static String of(String secret) {
        return secret == null ? "null" : "****";
    }
}
