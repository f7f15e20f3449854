package org.imssim.firmware.alarm;

import java.time.Duration;
import java.util.Optional;
import org.imssim.devices.sensor.Reading;
import org.imssim.devices.unit.Input;
import org.imssim.devices.unit.InputChange;
import org.imssim.devices.unit.InputState;
import org.imssim.firmware.hardware.InputSettings;
import org.imssim.firmware.loop.TimerHandle;
import org.imssim.hal.Subscription;

/**
 * The alarm state machine of one input in use (SPEC §4), loop-confined: it follows the input's
 * readings and presence, runs the recognition, reset and missing-sensor timers on the unit's
 * clock, and starts, acknowledges and ends occurrences.
 *
 * <p>Decisions where the spec is silent:
 * <ul>
 *   <li>A sensor missing for under 60 s changes nothing: the last reading stands, so a running
 *       recognition or reset time still ends on it.</li>
 *   <li>Another sensor type plugged in is {@code TROUBLE} at once (it is identified, not just
 *       absent).</li>
 *   <li>An input that is disabled or outside its schedule is not watched: it shows
 *       {@code NORMAL}, runs no timer, never alarms nor goes into trouble. Watched again, it is
 *       evaluated afresh (a full recognition time, a full 60 s for a missing sensor).</li>
 *   <li>A trouble occurrence can be acknowledged (its rounds stop); it ends when the sensor comes
 *       back, acknowledged or not.</li>
 *   <li>A re-armed occurrence takes the condition and value of the reading at the re-arm.</li>
 * </ul>
 */
final class InputAlarm extends OccurrenceAlarm {

    /** How long a sensor may be missing before the input is in trouble. */
    static final Duration MISSING_LIMIT = Duration.ofSeconds(60);
    /** The class of trouble occurrences. */
    static final String DIAGNOSTIC = "Diagnostic";

    private final Input input;
    private final InputSettings settings;
    private final ConditionRule rule;
    private final String unitName;
    private final Duration resetTime;
    private Reading lastReading;
    private MinMax minMax;
    private boolean enabled;
    private boolean inSchedule;
    private TimerHandle recognitionTimer;
    private TimerHandle missingTimer;
    private Subscription subscription;

    InputAlarm(Input input, InputSettings settings, String unitName, AlarmContext context) {
        super(context);
        this.input = input;
        this.settings = settings;
        this.rule = ConditionRule.of(input, settings);
        this.unitName = unitName;
        this.resetTime = settings.config() == null ? Duration.ZERO : settings.config().resetTime();
        this.enabled = settings.enabled();
    }

    /**
     * Starts following the input, watched or not as {@code inSchedule} and the settings say. A
     * resumed occurrence goes on from its state as the normal transitions say: back in range while
     * {@code ALARM_UNACKED} is {@code RTN_UNACKED}, and so on; on an input no longer watched it is
     * closed; an acknowledged one's reset time runs from its acknowledgment.
     */
    void start(boolean inSchedule) {
        this.inSchedule = inSchedule;
        input.reading().ifPresent(this::see);
        subscription = input.onChange(this::inputChanged);
        if (watching()) {
            evaluate();
            continueResetTime();
        } else if (occurrence != null) {
            AlarmState before = state;
            close(enabled ? CloseReason.OUTSIDE_SCHEDULE : CloseReason.INPUT_DISABLED, AlarmState.NORMAL);
            state = AlarmState.NORMAL;
            changed(before);
        }
    }

    /** Stops following the input and cancels every timer; an open occurrence stays as it is. */
    @Override
    public void stop() {
        if (subscription != null) {
            subscription.cancel();
            subscription = null;
        }
        cancelTimers();
    }

    @Override
    public String unitName() {
        return unitName;
    }

    @Override
    public AlarmAddress address() {
        return AlarmAddress.of(input.address());
    }

    @Override
    public String name() {
        return input.name();
    }

    Input input() {
        return input;
    }

    InputSettings settings() {
        return settings;
    }

    Optional<MinMax> minMax() {
        return Optional.ofNullable(minMax);
    }

    /** Min and max start again from the current reading (none while the sensor is not connected). */
    void resetMinMax() {
        minMax = null;
        input.reading().ifPresent(this::seeMinMax);
    }

    /** True when the input is enabled and inside its schedule: only then can it alarm. */
    boolean watching() {
        return enabled && inSchedule;
    }

    void setEnabled(boolean on) {
        boolean was = watching();
        enabled = on;
        watchingChanged(was, CloseReason.INPUT_DISABLED);
    }

    @Override
    public void setInSchedule(boolean in) {
        boolean was = watching();
        inSchedule = in;
        watchingChanged(was, CloseReason.OUTSIDE_SCHEDULE);
    }

    private void inputChanged(InputChange change) {
        change.current().reading().ifPresent(this::see);
        if (watching()) {
            evaluate();
        }
    }

    private void see(Reading reading) {
        lastReading = reading;
        seeMinMax(reading);
    }

    private void seeMinMax(Reading reading) {
        if (reading instanceof Reading.Analog analog) {
            minMax = minMax == null ? MinMax.of(analog) : minMax.including(analog);
        }
    }

    /** Applies the input's present state to the machine. */
    private void evaluate() {
        InputState now = input.state();
        switch (now.presence()) {
            case CONNECTED -> {
                cancelMissingTimer();
                AlarmState before = state;
                if (state == AlarmState.TROUBLE) {
                    leaveTrouble();
                }
                onReading(now.reading().orElseThrow());
                changed(before);
            }
            case MISSING -> {
                if (state != AlarmState.TROUBLE && missingTimer == null) {
                    missingTimer = context.clock().schedule(MISSING_LIMIT, this::missingTooLong);
                }
            }
            case WRONG_PROBE -> {
                cancelMissingTimer();
                enterTrouble();
            }
        }
    }

    private void onReading(Reading reading) {
        lastReading = reading;
        boolean outOfRange = rule.conditionOf(reading).isPresent();
        switch (state) {
            case NORMAL -> {
                if (outOfRange) {
                    state = AlarmState.PENDING;
                    recognitionTimer = context.clock().schedule(settings.recognitionTime(), this::recognitionEnded);
                }
            }
            case PENDING -> {
                if (!outOfRange) {
                    cancelRecognitionTimer();
                    state = AlarmState.NORMAL;
                }
            }
            case ALARM_UNACKED -> {
                if (!outOfRange) {
                    state = AlarmState.RTN_UNACKED;
                    occurrence = occurrence.withState(state);
                    record("Return to normal: " + input.name());
                    context.listener().returnedToNormal(occurrence, false);
                }
            }
            case RTN_UNACKED -> {
                if (outOfRange) {
                    state = AlarmState.ALARM_UNACKED;
                    occurrence = occurrence.withState(state);
                }
            }
            case ALARM_ACKED -> {
                if (!outOfRange) {
                    cancelResetTimer();
                    state = AlarmState.NORMAL;
                    Occurrence ended = end(occurrence, state);
                    record("Return to normal: " + input.name());
                    context.listener().returnedToNormal(ended, true);
                }
            }
            case TROUBLE, NOT_IN_USE -> {
                // trouble is left in evaluate(); an input in use is never NOT_IN_USE
            }
        }
    }

    private void recognitionEnded() {
        recognitionTimer = null;
        if (state != AlarmState.PENDING) {
            return;
        }
        AlarmState before = state;
        state = AlarmState.ALARM_UNACKED;
        occurrence = open(StartReason.NEW, settings.alarmClass(), conditionNow(), lastReading.text());
        record("Alarm: " + input.name() + " " + occurrence.condition().text() + " " + occurrence.valueText());
        context.listener().occurrenceStarted(occurrence, StartReason.NEW);
        changed(before);
    }

    private void missingTooLong() {
        missingTimer = null;
        if (watching() && state != AlarmState.TROUBLE) {
            enterTrouble();
        }
    }

    private void enterTrouble() {
        if (state == AlarmState.TROUBLE) {
            return;
        }
        AlarmState before = state;
        cancelTimers();
        if (occurrence != null) {
            close(CloseReason.SENSOR_TROUBLE, AlarmState.TROUBLE);
        }
        state = AlarmState.TROUBLE;
        occurrence = open(StartReason.TROUBLE, DIAGNOSTIC, Condition.TROUBLE, "");
        record("Sensor trouble: " + input.name());
        context.listener().occurrenceStarted(occurrence, StartReason.TROUBLE);
        changed(before);
    }

    /** The sensor is back: the trouble returns to normal; the caller evaluates the reading afresh. */
    private void leaveTrouble() {
        state = AlarmState.NORMAL;
        Occurrence ended = end(occurrence, state);
        record("Return to normal: " + input.name());
        context.listener().returnedToNormal(ended, ended.acknowledgment().isPresent());
    }

    private void watchingChanged(boolean was, CloseReason why) {
        boolean now = watching();
        if (was == now) {
            return;
        }
        if (now) {
            evaluate();
            return;
        }
        AlarmState before = state;
        cancelTimers();
        if (occurrence != null) {
            close(why, AlarmState.NORMAL);
        }
        state = AlarmState.NORMAL;
        changed(before);
    }

    private Condition conditionNow() {
        return rule.conditionOf(lastReading).orElseThrow(
                () -> new IllegalStateException("Input " + input.address() + " is pending but in range"));
    }

    @Override
    void record(String text) {
        context.events().record(input.unitId(), text);
    }

    @Override
    Duration resetTime() {
        return resetTime;
    }

    /** A re-armed occurrence takes the condition and value of the reading at the re-arm. */
    @Override
    Occurrence rearmed(Occurrence replaced) {
        return open(StartReason.REARMED, settings.alarmClass(),
                rule.conditionOf(lastReading).orElse(replaced.condition()), lastReading.text());
    }

    private void cancelTimers() {
        cancelRecognitionTimer();
        cancelResetTimer();
        cancelMissingTimer();
    }

    private void cancelRecognitionTimer() {
        if (recognitionTimer != null) {
            recognitionTimer.cancel();
            recognitionTimer = null;
        }
    }

    private void cancelMissingTimer() {
        if (missingTimer != null) {
            missingTimer.cancel();
            missingTimer = null;
        }
    }
}
