package org.imssim.devices.sensor;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The sensor types an IMS-4000 input can carry (SPEC §3), named by their configuration tokens.
 *
 * <p>{@code battery}, {@code ac-power} and {@code sound} exist only on Host channels 9, 10 and 11;
 * {@code node-power} only on Node channel 9. The other types go on external channels 1–8.
 */
public enum SensorType {
    TEMPERATURE("temperature"),
    HUMIDITY("humidity"),
    POWER("power"),
    CURRENT("current"),
    TRANSDUCER("transducer"),
    WATER("water"),
    SMOKE("smoke"),
    DRY_CONTACT("dry-contact"),
    BATTERY("battery"),
    AC_POWER("ac-power"),
    NODE_POWER("node-power"),
    SOUND("sound");

    private final String token;

    SensorType(String token) {
        this.token = token;
    }

    /** The configuration token, e.g. {@code dry-contact}. */
    public String token() {
        return token;
    }

    /** The type whose token is {@code token} (exact, lower case), if any. */
    public static Optional<SensorType> fromToken(String token) {
        return Arrays.stream(values()).filter(t -> t.token.equals(token)).findFirst();
    }

    /** True for the types bound to a fixed channel: battery, ac-power, sound, node-power. */
    public boolean isFixed() {
        return this == BATTERY || this == AC_POWER || this == NODE_POWER || this == SOUND;
    }

    @Override
    public String toString() {
        return token.toLowerCase(Locale.ROOT);
    }
}
