package org.imssim.devices.sensor;

/**
 * The unit every temperature of an IMS-4000 is shown and configured in ({@code unit.temperature-unit}):
 * degrees Celsius or Fahrenheit, written {@code C} or {@code F}.
 *
 * <p>Conversions are exact; {@link #fromCelsiusRounded(double)} rounds to the 0.1 the unit
 * resolves, as the °C defaults of SPEC §3 are when the unit shows °F.
 */
public enum TemperatureUnit {
    C, F;

    /** How readings write the unit: {@code C} or {@code F}. */
    public String symbol() {
        return name();
    }

    /** {@code celsius} in this unit, exact. */
    public double fromCelsius(double celsius) {
        return this == C ? celsius : celsius * 9.0 / 5.0 + 32.0;
    }

    /** {@code celsius} in this unit, rounded to 0.1 (half up). */
    public double fromCelsiusRounded(double celsius) {
        return Reading.roundToTenth(fromCelsius(celsius));
    }

    /** {@code degrees} of this unit in Celsius, exact. */
    public double toCelsius(double degrees) {
        return this == C ? degrees : (degrees - 32.0) * 5.0 / 9.0;
    }
}
