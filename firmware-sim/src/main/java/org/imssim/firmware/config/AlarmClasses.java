package org.imssim.firmware.config;

import java.util.List;

/**
 * The alarm classes of the IMS-4000 manual. A configuration may add its own under top-level
 * {@code classes:}; the manual limits a unit to {@value #MAX_CLASSES} classes in all.
 */
public final class AlarmClasses {

    /** The manual's eleven classes, spelled exactly as in mails and the configuration. */
    public static final List<String> MANUAL = List.of(
            "Temperature", "Humidity", "Water", "Power", "Other", "Smoke", "Security",
            "Backup Battery", "High Sound", "IP Alarms", "Diagnostic");

    /** The manual's limit on classes, its own included. */
    public static final int MAX_CLASSES = 64;

    private AlarmClasses() {
    }
}
