package org.imssim.firmware.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.imssim.devices.powergate.PowerUpPolicy;
import org.imssim.devices.powergate.ShutdownPolicy;

/**
 * One PowerGate ({@code powergates:}), SPEC §2 and §11.
 *
 * @param number         {@code number}, required: 1–16, unique
 * @param name           {@code name}; null when unnamed
 * @param unit           {@code unit}, default {@code host}: the unit it belongs to ({@code host} or a configured {@code node-<n>})
 * @param outlets        {@code outlets}, required: 1–8
 * @param outletNames    {@code outlet-names}: empty, or exactly {@code outlets} names, outlet 1 first
 *                       (an empty name leaves that outlet unnamed, {@code Outlet <m>})
 * @param cycleTime      {@code cycle-time}, default 5s: for outlets without their own
 * @param powerUp        {@code power-up}, default last: for outlets without their own
 * @param onShutdown     {@code on-shutdown}, default keep
 * @param outletSettings {@code outlet-settings}: per-outlet overrides, the PowerGate's defaults filled in
 * @param backend        {@code backend}, default mock
 * @param gpio           {@code gpio}, with {@code backend: gpio} only; else null
 * @param serial         {@code serial}, with {@code backend: serial} or {@code usb-relay} only; else null
 * @param driver         {@code driver}, with {@code backend: usb-relay} only (default lcus); else null
 */
public record PowerGateConfig(int number, String name, String unit, int outlets, List<String> outletNames,
                              Duration cycleTime, PowerUpPolicy powerUp, ShutdownPolicy onShutdown,
                              List<OutletSettingConfig> outletSettings, PowerGateBackend backend,
                              GpioOutletsConfig gpio, SerialConfig serial, RelayDriver driver) {

    public PowerGateConfig {
        Objects.requireNonNull(unit, "unit");
        outletNames = List.copyOf(outletNames);
        Objects.requireNonNull(cycleTime, "cycleTime");
        Objects.requireNonNull(powerUp, "powerUp");
        Objects.requireNonNull(onShutdown, "onShutdown");
        outletSettings = List.copyOf(outletSettings);
        Objects.requireNonNull(backend, "backend");
    }

    /** The name of outlet {@code outlet} (1-based); null when unnamed. */
    public String outletName(int outlet) {
        checkOutlet(outlet);
        if (outletNames.isEmpty()) {
            return null;
        }
        String name = outletNames.get(outlet - 1);
        return name.isEmpty() ? null : name;
    }

    /** The cycle time of outlet {@code outlet}: its own setting, else the PowerGate's. */
    public Duration cycleTimeOf(int outlet) {
        return setting(outlet) == null ? cycleTime : setting(outlet).cycleTime();
    }

    /** The power-up policy of outlet {@code outlet}: its own setting, else the PowerGate's. */
    public PowerUpPolicy powerUpOf(int outlet) {
        return setting(outlet) == null ? powerUp : setting(outlet).powerUp();
    }

    private OutletSettingConfig setting(int outlet) {
        checkOutlet(outlet);
        return outletSettings.stream().filter(s -> s.outlet() == outlet).findFirst().orElse(null);
    }

    private void checkOutlet(int outlet) {
        if (outlet < 1 || outlet > outlets) {
            throw new IllegalArgumentException("PowerGate " + number + " has outlets 1 to " + outlets);
        }
    }
}
