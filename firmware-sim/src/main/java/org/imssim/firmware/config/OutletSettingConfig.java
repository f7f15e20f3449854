package org.imssim.firmware.config;

import java.time.Duration;
import java.util.Objects;
import org.imssim.devices.powergate.PowerUpPolicy;

/**
 * One entry of a PowerGate's {@code outlet-settings}, with the PowerGate's defaults filled in.
 *
 * @param outlet    {@code outlet}, required: 1 to the PowerGate's {@code outlets}, once per outlet
 * @param cycleTime {@code cycle-time}, default the PowerGate's
 * @param powerUp   {@code power-up}, default the PowerGate's
 */
public record OutletSettingConfig(int outlet, Duration cycleTime, PowerUpPolicy powerUp) {

    public OutletSettingConfig {
        Objects.requireNonNull(cycleTime, "cycleTime");
        Objects.requireNonNull(powerUp, "powerUp");
    }
}
