package org.imssim.firmware.hardware;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.imssim.firmware.config.ConfigProblem;
import org.imssim.firmware.config.ImsConfig;
import org.imssim.firmware.config.InputBackend;
import org.imssim.firmware.config.InputConfig;
import org.imssim.firmware.config.PowerGateBackend;
import org.imssim.firmware.config.PowerGateConfig;

/**
 * Warnings for backends this machine cannot provide (SPEC §11): a {@code gpio} channel where no
 * GPIO chip exists, a 1-Wire sensor whose folder is missing, a serial port that does not exist or
 * that this user may not open.
 * Such a backend never stops the unit: the input goes to TROUBLE, the PowerGate shows UNKNOWN.
 */
public final class BackendAvailability {

    private final Path gpioChip;

    BackendAvailability(Path gpioChip) {
        this.gpioChip = gpioChip;
    }

    /** The warnings for this machine (GPIO is looked for at {@code /dev/gpiochip0}). */
    public static List<ConfigProblem> warnings(ImsConfig config) {
        return new BackendAvailability(Path.of("/dev/gpiochip0")).check(config);
    }

    List<ConfigProblem> check(ImsConfig config) {
        List<ConfigProblem> out = new ArrayList<>();
        for (int i = 0; i < config.inputs().size(); i++) {
            checkInput("inputs[" + i + "]", config.inputs().get(i), out);
        }
        for (int n = 0; n < config.nodes().size(); n++) {
            List<InputConfig> inputs = config.nodes().get(n).inputs();
            for (int i = 0; i < inputs.size(); i++) {
                checkInput("nodes[" + n + "].inputs[" + i + "]", inputs.get(i), out);
            }
        }
        for (int p = 0; p < config.powergates().size(); p++) {
            checkPowerGate("powergates[" + p + "]", config.powergates().get(p), out);
        }
        return out;
    }

    private void checkInput(String path, InputConfig input, List<ConfigProblem> out) {
        if (input.backend() == InputBackend.GPIO && !Files.exists(gpioChip)) {
            out.add(new ConfigProblem(path + ".backend",
                    "gpio is not available on this machine (no " + gpioChip + "); the input will show TROUBLE", 0));
        }
        if (input.backend() == InputBackend.ONEWIRE && input.onewire() != null) {
            Path device = input.onewire().dir().resolve(input.onewire().id());
            if (!Files.isDirectory(device)) {
                out.add(new ConfigProblem(path + ".onewire",
                        "no 1-Wire sensor at " + device + "; the input will show TROUBLE", 0));
            }
        }
    }

    private void checkPowerGate(String path, PowerGateConfig gate, List<ConfigProblem> out) {
        if (gate.backend() == PowerGateBackend.GPIO && !Files.exists(gpioChip)) {
            out.add(new ConfigProblem(path + ".backend",
                    "gpio is not available on this machine (no " + gpioChip + "); its outlets will show UNKNOWN", 0));
        }
        boolean serial = gate.backend() == PowerGateBackend.SERIAL || gate.backend() == PowerGateBackend.USB_RELAY;
        if (serial && gate.serial() != null) {
            // The unit keeps trying to open the port (SerialPowerGate, LcusPowerGate), so a port that
            // appears later (a USB adapter plugged in) is used without a restart.
            Path port = Path.of(gate.serial().port());
            if (!Files.exists(port)) {
                out.add(new ConfigProblem(path + ".serial.port", "the serial port " + port
                        + " does not exist; the PowerGate will show UNKNOWN with Link Down until it appears", 0));
            } else if (!Files.isReadable(port) || !Files.isWritable(port)) {
                out.add(new ConfigProblem(path + ".serial.port", "the serial port " + port
                        + " cannot be read and written by this user (often the group dialout may); the PowerGate will show"
                        + " UNKNOWN with Link Down", 0));
            }
        }
    }
}
