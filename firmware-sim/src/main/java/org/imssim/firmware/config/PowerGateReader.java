package org.imssim.firmware.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.imssim.devices.powergate.PowerUpPolicy;
import org.imssim.devices.powergate.ShutdownPolicy;

/** Reads top-level {@code powergates:} (SPEC §2, §11, §12). */
final class PowerGateReader {

    static final int MAX_OUTLETS = 8;

    private final ReadContext ctx;
    private final CrossReferences references;

    PowerGateReader(ReadContext ctx, CrossReferences references) {
        this.ctx = ctx;
        this.references = references;
    }

    List<PowerGateConfig> readAll(MappingCursor root) {
        List<PowerGateConfig> powerGates = new ArrayList<>();
        Set<Integer> numbers = new HashSet<>();
        for (MappingCursor m : root.mappings("powergates")) {
            Integer number = m.requiredIntegerIn("number", 1, 16);
            Integer outlets = m.requiredIntegerIn("outlets", 1, MAX_OUTLETS);
            if (number != null) {
                if (numbers.add(number)) {
                    references.powerGateDeclared(number, outlets);
                } else {
                    m.error("number", "is already used by another PowerGate");
                }
            }
            PowerGateConfig config = read(m, number, outlets);
            if (config != null) {
                powerGates.add(config);
            }
        }
        return powerGates;
    }

    private PowerGateConfig read(MappingCursor m, Integer number, Integer outlets) {
        String name = m.text("name");
        String unit = m.text("unit");
        if (unit != null) {
            references.unit(unit, m.pathOf("unit"), m.lineOf("unit"));
        } else {
            unit = "host";
        }
        List<String> outletNames = readOutletNames(m, outlets);
        Duration cycleTime = m.positiveDuration("cycle-time", Duration.ofSeconds(5));
        PowerUpPolicy powerUp = m.choice("power-up", PowerUpPolicy.LAST, PowerUpPolicy.class);
        ShutdownPolicy onShutdown = m.choice("on-shutdown", ShutdownPolicy.KEEP, ShutdownPolicy.class);
        List<OutletSettingConfig> settings = readOutletSettings(m, outlets, cycleTime, powerUp);

        PowerGateBackend backend = m.choice("backend", PowerGateBackend.MOCK, PowerGateBackend.class);
        GpioOutletsConfig gpio = null;
        if (backend == PowerGateBackend.GPIO) {
            gpio = readGpio(m, outlets);
        } else {
            m.rejectIfWritten("gpio", "is allowed only with backend: gpio");
        }
        SerialConfig serial = null;
        if (backend == PowerGateBackend.SERIAL || backend == PowerGateBackend.USB_RELAY) {
            serial = readSerial(m);
        } else {
            m.rejectIfWritten("serial", "is allowed only with backend: serial or usb-relay");
        }
        RelayDriver driver = null;
        if (backend == PowerGateBackend.USB_RELAY) {
            driver = m.choice("driver", RelayDriver.LCUS, RelayDriver.class);
        } else {
            m.rejectIfWritten("driver", "is allowed only with backend: usb-relay");
        }
        if (number == null || outlets == null || ctx.problems.hasErrors()) {
            return null;
        }
        return new PowerGateConfig(number, name, unit, outlets, outletNames, cycleTime, powerUp, onShutdown,
                settings, backend, gpio, serial, driver);
    }

    /** {@code outlet-names}: exactly one per outlet; an empty name leaves its outlet unnamed. */
    private List<String> readOutletNames(MappingCursor m, Integer outlets) {
        List<String> names = new ArrayList<>();
        List<MappingCursor.Item> items = m.items("outlet-names");
        for (MappingCursor.Item item : items) {
            String name = ctx.text(item.node(), item.path());
            names.add(name == null ? "" : name);
        }
        if (!items.isEmpty() && outlets != null && items.size() != outlets) {
            m.error("outlet-names", "must have " + outlets + " entries, one per outlet");
        }
        return names;
    }

    private List<OutletSettingConfig> readOutletSettings(MappingCursor powerGate, Integer outlets,
                                                         Duration cycleTime, PowerUpPolicy powerUp) {
        List<OutletSettingConfig> settings = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        int maxOutlet = outlets == null ? MAX_OUTLETS : outlets;
        for (MappingCursor m : powerGate.mappings("outlet-settings")) {
            Integer outlet = m.requiredIntegerIn("outlet", 1, maxOutlet);
            if (outlet != null && !seen.add(outlet)) {
                m.error("outlet", "is already set by another entry of outlet-settings");
            }
            Duration ownCycleTime = m.positiveDuration("cycle-time", cycleTime);
            PowerUpPolicy ownPowerUp = m.choice("power-up", powerUp, PowerUpPolicy.class);
            if (outlet != null) {
                settings.add(new OutletSettingConfig(outlet, ownCycleTime, ownPowerUp));
            }
        }
        return settings;
    }

    private GpioOutletsConfig readGpio(MappingCursor powerGate, Integer outlets) {
        if (!powerGate.has("gpio")) {
            powerGate.reportMissing("gpio");
            return null;
        }
        MappingCursor m = powerGate.child("gpio");
        if (!m.has("pins")) {
            m.required("pins");
        }
        List<MappingCursor.Item> items = m.items("pins");
        List<Integer> pins = new ArrayList<>();
        for (MappingCursor.Item item : items) {
            String text = ctx.text(item.node(), item.path());
            if (text == null) {
                if (!ctx.failsAsText(item.node())) {
                    ctx.problems.error(item.path(), "must not be empty", item.line());
                }
                continue;
            }
            var pin = ValueSyntax.integer(text);
            if (pin.isEmpty() || pin.getAsInt() < 0 || pin.getAsInt() > InputReader.GPIO_MAX_PIN) {
                ctx.problems.error(item.path(), "must be a GPIO number 0 to " + InputReader.GPIO_MAX_PIN, item.line());
                continue;
            }
            pins.add(pin.getAsInt());
            references.pin(pin.getAsInt(), item.path(), item.line());
        }
        if (!items.isEmpty() && outlets != null && items.size() != outlets) {
            m.error("pins", "must have " + outlets + " pins, one per outlet");
        }
        ActiveLevel active = m.choice("active", ActiveLevel.LOW, ActiveLevel.class);
        return new GpioOutletsConfig(pins, active);
    }

    private SerialConfig readSerial(MappingCursor powerGate) {
        if (!powerGate.has("serial")) {
            powerGate.reportMissing("serial");
            return null;
        }
        MappingCursor m = powerGate.child("serial");
        String port = m.required("port");
        int baud = m.integerAtLeast("baud", 9600, 1);
        return port == null ? null : new SerialConfig(port, baud);
    }
}
