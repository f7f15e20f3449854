package org.imssim.devices.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemperatureUnitTest {

    @ParameterizedTest
    @CsvSource({"10, 50.0", "27, 80.6", "0, 32.0", "-40, -40.0", "100, 212.0", "18.5, 65.3", "22.22, 72.0"})
    void celsiusToFahrenheitRoundedToATenth(double celsius, double fahrenheit) {
        assertThat(TemperatureUnit.F.fromCelsiusRounded(celsius)).isEqualTo(fahrenheit);
    }

    @ParameterizedTest
    @CsvSource({"10", "27", "-3.3", "0"})
    void celsiusStaysCelsius(double celsius) {
        assertThat(TemperatureUnit.C.fromCelsius(celsius)).isEqualTo(celsius);
        assertThat(TemperatureUnit.C.toCelsius(celsius)).isEqualTo(celsius);
    }

    @ParameterizedTest
    @CsvSource({"72", "50", "-4", "98.6"})
    void conversionsRoundTrip(double fahrenheit) {
        assertThat(TemperatureUnit.F.fromCelsius(TemperatureUnit.F.toCelsius(fahrenheit)))
                .isCloseTo(fahrenheit, within(1e-9));
    }

    @ParameterizedTest
    @CsvSource({"C, C", "F, F"})
    void symbols(TemperatureUnit unit, String symbol) {
        assertThat(unit.symbol()).isEqualTo(symbol);
    }
}
