package org.imssim.devices.sensor;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The sensor types an IMS-4000 input can carry (SPEC §3), named by their configuration tokens,
 * with what the table of §3 says about each: analog or binary, the unit or the words it reads,
 * its default limits, recognition time and class, its mock starting value, and its default name.
 *
 * <p>{@code battery}, {@code ac-power} and {@code sound} exist only on Host channels 9, 10 and 11;
 * {@code node-power} only on Node channel 9. The other types go on external channels 1–8.
 *
 * <p>Binary sensors are wired to a digital input whose <em>active</em> (high) level means: the
 * contact closed ({@code dry-contact}), water found ({@code water}), smoke detected
 * ({@code smoke}), and for {@code battery}, {@code ac-power} and {@code node-power} the supply
 * present ({@code ok}). See {@link #wordForLevel(boolean)}.
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

    /** The default recognition time of most types. */
    private static final Duration SLOW = Duration.ofSeconds(60);
    /** The default recognition time of water, smoke, dry contacts and sound. */
    private static final Duration FAST = Duration.ofSeconds(3);

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

    /** True for the types that read a number: temperature, humidity, power, current, transducer, sound. */
    public boolean isAnalog() {
        return switch (this) {
            case TEMPERATURE, HUMIDITY, POWER, CURRENT, TRANSDUCER, SOUND -> true;
            case WATER, SMOKE, DRY_CONTACT, BATTERY, AC_POWER, NODE_POWER -> false;
        };
    }

    /** True for the types that read a word: water, smoke, dry-contact, battery, ac-power, node-power. */
    public boolean isBinary() {
        return !isAnalog();
    }

    /**
     * The unit an analog reading is written in: {@code F} or {@code C} for temperature (the unit's
     * temperature unit), {@code %RH}, {@code VAC}, {@code A}, {@code %}, {@code dB}; empty for a
     * binary type.
     */
    public Optional<String> readingUnit(TemperatureUnit temperatureUnit) {
        return Optional.ofNullable(switch (this) {
            case TEMPERATURE -> temperatureUnit.symbol();
            case HUMIDITY -> "%RH";
            case POWER -> "VAC";
            case CURRENT -> "A";
            case TRANSDUCER -> "%";
            case SOUND -> "dB";
            case WATER, SMOKE, DRY_CONTACT, BATTERY, AC_POWER, NODE_POWER -> null;
        });
    }

    /**
     * A binary type's two words, normal first: {@code [dry, wet]}, {@code [clear, smoke]},
     * {@code [closed, open]}, {@code [ok, fault]}, {@code [ok, fail]}; empty for an analog type.
     */
    public List<String> words() {
        return switch (this) {
            case WATER -> List.of("dry", "wet");
            case SMOKE -> List.of("clear", "smoke");
            case DRY_CONTACT -> List.of("closed", "open");
            case BATTERY -> List.of("ok", "fault");
            case AC_POWER, NODE_POWER -> List.of("ok", "fail");
            case TEMPERATURE, HUMIDITY, POWER, CURRENT, TRANSDUCER, SOUND -> List.of();
        };
    }

    /**
     * The word a binary type reads when all is well; for {@code dry-contact} the default
     * {@code normal: closed}, which an input may turn to {@code open}.
     *
     * @throws IllegalStateException for an analog type
     */
    public String normalWord() {
        return binaryWords().get(0);
    }

    /**
     * The word a binary type reads in its alarm condition: {@code wet}, {@code smoke}, {@code open}
     * (for the default normal), {@code fault}, {@code fail}.
     *
     * @throws IllegalStateException for an analog type
     */
    public String alarmWord() {
        return binaryWords().get(1);
    }

    /**
     * The other of a binary type's two words: {@code otherWord("open")} is {@code closed}.
     *
     * @throws IllegalArgumentException when {@code word} is not one of this type's words
     */
    public String otherWord(String word) {
        List<String> words = binaryWords();
        requireWord(word);
        return words.get(0).equals(word) ? words.get(1) : words.get(0);
    }

    /** The word of a binary sensor whose digital input is active ({@code true}) or not. */
    public String wordForLevel(boolean active) {
        String activeWord = activeWord();
        return active ? activeWord : otherWord(activeWord);
    }

    /**
     * The digital level that makes a binary sensor read {@code word}: the inverse of
     * {@link #wordForLevel(boolean)}, which is how the simulation sets a mock contact to a word.
     *
     * @throws IllegalArgumentException when {@code word} is not one of this type's words
     */
    public boolean levelForWord(String word) {
        requireWord(word);
        return activeWord().equals(word);
    }

    /** True when {@code word} is one of this type's words. */
    public boolean hasWord(String word) {
        return words().contains(word);
    }

    /**
     * The default low limit, in the reading's unit: temperature 10 °C (50.0 in °F), humidity 20,
     * power 90, current and transducer 0; empty for sound, which has only a high limit, and for
     * binary types.
     */
    public OptionalDouble defaultLow(TemperatureUnit temperatureUnit) {
        return switch (this) {
            case TEMPERATURE -> OptionalDouble.of(temperatureUnit.fromCelsiusRounded(10));
            case HUMIDITY -> OptionalDouble.of(20);
            case POWER -> OptionalDouble.of(90);
            case CURRENT, TRANSDUCER -> OptionalDouble.of(0);
            case SOUND, WATER, SMOKE, DRY_CONTACT, BATTERY, AC_POWER, NODE_POWER -> OptionalDouble.empty();
        };
    }

    /** The default high limit with the {@linkplain CurrentRange#DEFAULT default current range}. */
    public OptionalDouble defaultHigh(TemperatureUnit temperatureUnit) {
        return defaultHigh(temperatureUnit, CurrentRange.DEFAULT);
    }

    /**
     * The default high limit, in the reading's unit: temperature 27 °C (80.6 in °F), humidity 60,
     * power 130, current the full {@code range}, transducer 100, sound 85; empty for binary types.
     * {@code range} matters only to {@code current}.
     */
    public OptionalDouble defaultHigh(TemperatureUnit temperatureUnit, CurrentRange range) {
        return switch (this) {
            case TEMPERATURE -> OptionalDouble.of(temperatureUnit.fromCelsiusRounded(27));
            case HUMIDITY -> OptionalDouble.of(60);
            case POWER -> OptionalDouble.of(130);
            case CURRENT -> OptionalDouble.of(range.amperes());
            case TRANSDUCER -> OptionalDouble.of(100);
            case SOUND -> OptionalDouble.of(85);
            case WATER, SMOKE, DRY_CONTACT, BATTERY, AC_POWER, NODE_POWER -> OptionalDouble.empty();
        };
    }

    /** The default recognition time: 3 s for water, smoke, dry-contact and sound, else 60 s. */
    public Duration defaultRecognitionTime() {
        return switch (this) {
            case WATER, SMOKE, DRY_CONTACT, SOUND -> FAST;
            case TEMPERATURE, HUMIDITY, POWER, CURRENT, TRANSDUCER, BATTERY, AC_POWER, NODE_POWER -> SLOW;
        };
    }

    /** The default alarm class, exactly as SPEC §3 names it. */
    public String defaultClassName() {
        return switch (this) {
            case TEMPERATURE -> "Temperature";
            case HUMIDITY -> "Humidity";
            case POWER, AC_POWER, NODE_POWER -> "Power";
            case CURRENT, TRANSDUCER, DRY_CONTACT -> "Other";
            case WATER -> "Water";
            case SMOKE -> "Smoke";
            case BATTERY -> "Backup Battery";
            case SOUND -> "High Sound";
        };
    }

    /**
     * The reading a mock channel starts at when the configuration gives no {@code initial}, with
     * the default limits: temperature 18.5 °C (65.3 °F) and humidity 40 (midpoints), power 120,
     * current 0, transducer 0, sound 40, a binary type its normal word.
     */
    public Reading mockInitial(TemperatureUnit temperatureUnit) {
        if (this == TEMPERATURE || this == HUMIDITY) {
            return mockInitial(temperatureUnit, defaultLow(temperatureUnit).orElseThrow(),
                    defaultHigh(temperatureUnit).orElseThrow());
        }
        return mockInitial(temperatureUnit, Double.NaN, Double.NaN);
    }

    /**
     * The reading a mock channel starts at, for an input whose limits are {@code low} and
     * {@code high}: their midpoint (rounded to 0.1) for temperature and humidity; the limits do
     * not matter to the other types. A dry contact configured {@code normal: open} starts at
     * {@code open}: use {@link #otherWord(String)} on this reading's word.
     */
    public Reading mockInitial(TemperatureUnit temperatureUnit, double low, double high) {
        String unit = readingUnit(temperatureUnit).orElse(null);
        return switch (this) {
            case TEMPERATURE, HUMIDITY -> Reading.analog(Reading.roundToTenth((low + high) / 2), unit);
            case POWER -> Reading.analog(120, unit);
            case CURRENT, TRANSDUCER -> Reading.analog(0, unit);
            case SOUND -> Reading.analog(40, unit);
            case WATER, SMOKE, DRY_CONTACT, BATTERY, AC_POWER, NODE_POWER -> Reading.binary(normalWord());
        };
    }

    /**
     * The name of an input nobody named: {@code Battery}, {@code AC Power}, {@code High Sound},
     * {@code Node Power} for the fixed types, else {@code Input <channel>}.
     */
    public String defaultInputName(int channel) {
        return switch (this) {
            case BATTERY -> "Battery";
            case AC_POWER -> "AC Power";
            case SOUND -> "High Sound";
            case NODE_POWER -> "Node Power";
            case TEMPERATURE, HUMIDITY, POWER, CURRENT, TRANSDUCER, WATER, SMOKE, DRY_CONTACT -> "Input " + channel;
        };
    }

    private String activeWord() {
        return switch (this) {
            case DRY_CONTACT -> "closed";
            case WATER -> "wet";
            case SMOKE -> "smoke";
            case BATTERY, AC_POWER, NODE_POWER -> "ok";
            case TEMPERATURE, HUMIDITY, POWER, CURRENT, TRANSDUCER, SOUND -> throw notBinary();
        };
    }

    private List<String> binaryWords() {
        if (isAnalog()) {
            throw notBinary();
        }
        return words();
    }

    private void requireWord(String word) {
        if (!hasWord(word)) {
            throw new IllegalArgumentException("A " + token + " input reads " + String.join(" or ", binaryWords())
                    + ", not " + word + ".");
        }
    }

    private IllegalStateException notBinary() {
        return new IllegalStateException("A " + token + " input reads a number, not a word.");
    }

    @Override
    public String toString() {
        return token.toLowerCase(Locale.ROOT);
    }
}
