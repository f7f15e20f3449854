package org.imssim.firmware.config;

/** A profile's level (SPEC §5): {@code master} sees every unit; {@code site-admin} and {@code user} the units in {@code units}. Written {@code master}, {@code site-admin}, {@code user}. */
public enum Level {
    MASTER, SITE_ADMIN, USER
}
