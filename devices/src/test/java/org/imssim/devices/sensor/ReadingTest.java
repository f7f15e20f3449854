package org.imssim.devices.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Runs under a German default locale, whose decimal separator is a comma. */
class ReadingTest {

    private Locale saved;

    @BeforeEach
    void germanLocale() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(saved);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            72      | F   | 72.0 F
            45.5    | %RH | 45.5 %RH
            120     | VAC | 120.0 VAC
            -3.25   | C   | -3.3 C
            0.05    | A   | 0.1 A
            -0.04   | C   | 0.0 C
            1234.56 | dB  | 1234.6 dB
            """)
    void analogReadingsUseAPointAndOneDecimalWhateverTheLocale(double value, String unit, String text) {
        assertThat(Reading.analog(value, unit).text()).isEqualTo(text);
        assertThat(Reading.analog(value, unit).toString()).isEqualTo(text);
    }

    @Test
    void valueTextIsTheNumberAlone() {
        assertThat(Reading.analog(72, "F").valueText()).isEqualTo("72.0");
    }

    @Test
    void binaryReadingsAreTheirWord() {
        assertThat(Reading.binary("ok").text()).isEqualTo("ok");
        assertThat(Reading.binary("wet").valueText()).isEqualTo("wet");
        assertThat(Reading.binary("closed").toString()).isEqualTo("closed");
    }

    @Test
    void calibrationIsAdded() {
        assertThat(Reading.analog(72, "F").plus(-1.5)).isEqualTo(Reading.analog(70.5, "F"));
    }

    @ParameterizedTest
    @CsvSource({"1.15, 1.2", "1.25, 1.3", "-1.25, -1.3", "72.04, 72.0", "-0.04, 0.0"})
    void roundsHalfUpToATenth(double value, double rounded) {
        assertThat(Reading.roundToTenth(value)).isEqualTo(rounded);
    }

    @Test
    void refusesNumbersThatAreNotFiniteAndEmptyUnitsOrWords() {
        assertThatThrownBy(() -> Reading.analog(Double.NaN, "F"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A reading must be a finite number, not NaN.");
        assertThatThrownBy(() -> Reading.analog(1, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Reading.binary("")).isInstanceOf(IllegalArgumentException.class);
    }
}
