package org.imssim.firmware.config;

/** The unit of every temperature in the configuration, mails, API and SNMP ({@code unit.temperature-unit}, written {@code C} or {@code F}; default {@code C}). */
public enum TemperatureUnit {
    C, F
}
