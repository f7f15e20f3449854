package org.imssim.devices.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** SPEC §3's table, one row per type, on a unit in °C. */
class SensorTypeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # token     | unit | low  | high | recog | class          | mock initial | name on channel 3
            temperature | C    | 10.0 | 27.0 | 60    | Temperature    | 18.5 C       | Input 3
            humidity    | %RH  | 20.0 | 60.0 | 60    | Humidity       | 40.0 %RH     | Input 3
            power       | VAC  | 90.0 | 130.0| 60    | Power          | 120.0 VAC    | Input 3
            current     | A    | 0.0  | 20.0 | 60    | Other          | 0.0 A        | Input 3
            transducer  | %    | 0.0  | 100.0| 60    | Other          | 0.0 %        | Input 3
            water       | -    | -    | -    | 3     | Water          | dry          | Input 3
            smoke       | -    | -    | -    | 3     | Smoke          | clear        | Input 3
            dry-contact | -    | -    | -    | 3     | Other          | closed       | Input 3
            battery     | -    | -    | -    | 60    | Backup Battery | ok           | Battery
            ac-power    | -    | -    | -    | 60    | Power          | ok           | AC Power
            node-power  | -    | -    | -    | 60    | Power          | ok           | Node Power
            sound       | dB   | -    | 85.0 | 3     | High Sound     | 40.0 dB      | High Sound
            """)
    void defaultsFollowTheSpecTable(String token, String unit, Double low, Double high, int recognitionSeconds,
            String className, String mockInitial, String name) {
        SensorType type = SensorType.fromToken(token).orElseThrow();

        assertThat(type.isAnalog()).isEqualTo(unit != null);
        assertThat(type.isBinary()).isEqualTo(unit == null);
        assertThat(type.readingUnit(TemperatureUnit.C).orElse(null)).isEqualTo(unit);
        assertThat(type.defaultLow(TemperatureUnit.C)).isEqualTo(optional(low));
        assertThat(type.defaultHigh(TemperatureUnit.C)).isEqualTo(optional(high));
        assertThat(type.defaultRecognitionTime()).isEqualTo(Duration.ofSeconds(recognitionSeconds));
        assertThat(type.defaultClassName()).isEqualTo(className);
        assertThat(type.mockInitial(TemperatureUnit.C).text()).isEqualTo(mockInitial);
        assertThat(type.defaultInputName(3)).isEqualTo(name);
    }

    private static OptionalDouble optional(Double d) {
        return d == null ? OptionalDouble.empty() : OptionalDouble.of(d);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            water       | dry    | wet
            smoke       | clear  | smoke
            dry-contact | closed | open
            battery     | ok     | fault
            ac-power    | ok     | fail
            node-power  | ok     | fail
            """)
    void binaryTypesHaveANormalAndAnAlarmWord(String token, String normal, String alarm) {
        SensorType type = SensorType.fromToken(token).orElseThrow();

        assertThat(type.normalWord()).isEqualTo(normal);
        assertThat(type.alarmWord()).isEqualTo(alarm);
        assertThat(type.words()).containsExactly(normal, alarm);
        assertThat(type.otherWord(normal)).isEqualTo(alarm);
        assertThat(type.wordForLevel(type.levelForWord(alarm))).isEqualTo(alarm);
        assertThat(type.wordForLevel(type.levelForWord(normal))).isEqualTo(normal);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            dry-contact | closed
            water       | wet
            smoke       | smoke
            battery     | ok
            ac-power    | ok
            node-power  | ok
            """)
    void anActiveContactReads(String token, String word) {
        assertThat(SensorType.fromToken(token).orElseThrow().wordForLevel(true)).isEqualTo(word);
    }

    @Test
    void temperatureDefaultsAreConvertedToFahrenheitAndRounded() {
        assertThat(SensorType.TEMPERATURE.defaultLow(TemperatureUnit.F)).hasValue(50.0);
        assertThat(SensorType.TEMPERATURE.defaultHigh(TemperatureUnit.F)).hasValue(80.6);
        assertThat(SensorType.TEMPERATURE.readingUnit(TemperatureUnit.F)).hasValue("F");
        assertThat(SensorType.TEMPERATURE.mockInitial(TemperatureUnit.F).text()).isEqualTo("65.3 F");
    }

    @Test
    void currentHighIsItsRange() {
        assertThat(SensorType.CURRENT.defaultHigh(TemperatureUnit.C, CurrentRange.A15)).hasValue(15.0);
        assertThat(SensorType.CURRENT.defaultHigh(TemperatureUnit.C, CurrentRange.A20)).hasValue(20.0);
        assertThat(CurrentRange.ofAmperes(15)).isEqualTo(CurrentRange.A15);
        assertThatThrownBy(() -> CurrentRange.ofAmperes(10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A current range is 15 or 20 A, not 10.");
    }

    @Test
    void mockInitialIsTheMidpointOfTheGivenLimits() {
        assertThat(SensorType.TEMPERATURE.mockInitial(TemperatureUnit.F, 50, 85).text()).isEqualTo("67.5 F");
        assertThat(SensorType.HUMIDITY.mockInitial(TemperatureUnit.F, 30, 55).text()).isEqualTo("42.5 %RH");
        assertThat(SensorType.POWER.mockInitial(TemperatureUnit.F, 100, 110).text()).isEqualTo("120.0 VAC");
    }

    @Test
    void fixedTypesAreTheFourOnFixedChannels() {
        assertThat(Arrays.stream(SensorType.values()).filter(SensorType::isFixed))
                .containsExactlyInAnyOrder(SensorType.BATTERY, SensorType.AC_POWER, SensorType.NODE_POWER,
                        SensorType.SOUND);
    }

    @ParameterizedTest
    @EnumSource(SensorType.class)
    void tokensRoundTrip(SensorType type) {
        assertThat(SensorType.fromToken(type.token())).hasValue(type);
        assertThat(type.toString()).isEqualTo(type.token());
    }

    @Test
    void unknownTokenIsEmpty() {
        assertThat(SensorType.fromToken("Temperature")).isEmpty();
        assertThat(SensorType.fromToken(null)).isEmpty();
    }

    @Test
    void wordsAreCheckedWithASentence() {
        assertThatThrownBy(() -> SensorType.SMOKE.levelForWord("wet"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A smoke input reads clear or smoke, not wet.");
        assertThatThrownBy(() -> SensorType.TEMPERATURE.normalWord())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("A temperature input reads a number, not a word.");
    }
}
