package org.imssim.firmware.hardware;

import java.time.Duration;
import java.util.OptionalDouble;
import org.imssim.devices.sensor.SensorType;
import org.imssim.devices.unit.InputAddress;
import org.imssim.firmware.config.InputConfig;

/**
 * An input's settings with the sensor type's defaults of SPEC §3 filled in: its alarm class,
 * limits and recognition time. {@code config} is what the file said (null for a fixed channel
 * the file does not mention).
 */
public record InputSettings(InputAddress address, SensorType type, String alarmClass, OptionalDouble low,
                            OptionalDouble high, Duration recognitionTime, boolean enabled, InputConfig config) {
}
