package org.imssim.firmware.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalDouble;
import org.imssim.devices.sensor.Reading;
import org.imssim.devices.sensor.SensorType;
import org.junit.jupiter.api.Test;

/** How a reading maps to a condition (SPEC §3, §4, §6). */
class ConditionRuleTest {

    private final ConditionRule temperature =
            ConditionRule.analog(SensorType.TEMPERATURE, OptionalDouble.of(50), OptionalDouble.of(85));

    @Test
    void limitsAreStrict() {
        assertThat(temperature.conditionOf(Reading.analog(85.0, "F"))).isEmpty();
        assertThat(temperature.conditionOf(Reading.analog(50.0, "F"))).isEmpty();
        assertThat(temperature.conditionOf(Reading.analog(85.1, "F"))).contains(Condition.HIGH);
        assertThat(temperature.conditionOf(Reading.analog(49.9, "F"))).contains(Condition.LOW);
    }

    @Test
    void soundAboveHighIsHighSoundAndHasNoLowLimit() {
        ConditionRule sound = ConditionRule.analog(SensorType.SOUND, OptionalDouble.empty(), OptionalDouble.of(85));

        assertThat(sound.conditionOf(Reading.analog(85.1, "dB"))).contains(Condition.HIGH_SOUND);
        assertThat(sound.conditionOf(Reading.analog(0, "dB"))).isEmpty();
    }

    @Test
    void theAlarmWordOfEachBinaryTypeNamesItsCondition() {
        assertThat(ConditionRule.binary(SensorType.WATER, "wet").conditionOf(Reading.binary("wet"))).contains(Condition.WET);
        assertThat(ConditionRule.binary(SensorType.WATER, "wet").conditionOf(Reading.binary("dry"))).isEmpty();
        assertThat(ConditionRule.binary(SensorType.SMOKE, "smoke").conditionOf(Reading.binary("smoke")))
                .contains(Condition.SMOKE);
        assertThat(ConditionRule.binary(SensorType.DRY_CONTACT, "open").conditionOf(Reading.binary("open")))
                .contains(Condition.OPEN);
        assertThat(ConditionRule.binary(SensorType.DRY_CONTACT, "closed").conditionOf(Reading.binary("closed")))
                .contains(Condition.CLOSED);
        assertThat(ConditionRule.binary(SensorType.DRY_CONTACT, "closed").conditionOf(Reading.binary("open"))).isEmpty();
        assertThat(ConditionRule.binary(SensorType.BATTERY, "fault").conditionOf(Reading.binary("fault")))
                .contains(Condition.BATTERY_FAULT);
        assertThat(ConditionRule.binary(SensorType.AC_POWER, "fail").conditionOf(Reading.binary("fail")))
                .contains(Condition.POWER_FAIL);
        assertThat(ConditionRule.binary(SensorType.NODE_POWER, "fail").conditionOf(Reading.binary("fail")))
                .contains(Condition.POWER_FAIL);
    }

    @Test
    void conditionsAreWrittenInTheWordsOfTheSpec() {
        assertThat(Condition.values()).extracting(Condition::text).containsExactly("High", "Low", "Wet", "Smoke",
                "Open", "Closed", "Power Fail", "Battery Fault", "High Sound", "Trouble", "Ping Timeout",
                "Relay Fault", "Link Down", "Not Responding");
    }

    @Test
    void aReadingOfTheWrongKindIsRefused() {
        assertThatThrownBy(() -> temperature.conditionOf(Reading.binary("wet"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConditionRule.binary(SensorType.WATER, "smoke")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConditionRule.analog(SensorType.WATER, OptionalDouble.empty(), OptionalDouble.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ledModesFollowTheStatesTable() {
        assertThat(AlarmState.values()).extracting(AlarmState::ledMode).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(AlarmState.TROUBLE.ledMode()).isEqualTo(6);
    }
}
