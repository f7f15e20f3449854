package org.imssim.firmware.config;

import java.util.List;

/**
 * One Node ({@code nodes:}), SPEC §2.
 *
 * @param number {@code number}, required: 2–32, unique; the Node's id is {@code node-<number>}
 * @param name   {@code name}; null when unnamed (shown as {@code Node <n>})
 * @param inputs {@code inputs}: channels 1–8 and 9 (node power)
 */
public record NodeConfig(int number, String name, List<InputConfig> inputs) {

    public NodeConfig {
        inputs = List.copyOf(inputs);
    }

    /** The Node's unit id, {@code node-<number>}. */
    public String id() {
        return "node-" + number;
    }
}
