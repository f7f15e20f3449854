package org.imssim.firmware.config;

/** How ping and trace run (SPEC §10): {@code system} (the machine's tools) or {@code simulated} (answers from {@code network.simulated-hosts}). */
public enum ProbeMode {
    SYSTEM, SIMULATED
}
