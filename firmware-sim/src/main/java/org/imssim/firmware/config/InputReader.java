package org.imssim.firmware.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.imssim.devices.powergate.OutletAction;
import org.imssim.devices.sensor.SensorType;

/**
 * Reads the inputs of one unit: the Host's top-level {@code inputs:} (channels 1–11) or a Node's
 * {@code nodes[].inputs} (channels 1–9), SPEC §3, §11 and §12.
 */
final class InputReader {

    static final int MAX_ALARM_RESPONSES = 4;
    static final int GPIO_MAX_PIN = 53;
    static final Duration MANUAL_MIN_RESET_TIME = Duration.ofMinutes(30);

    private static final Set<SensorType> NUMERIC = Set.of(SensorType.TEMPERATURE, SensorType.HUMIDITY,
            SensorType.POWER, SensorType.CURRENT, SensorType.TRANSDUCER, SensorType.SOUND);
    private static final Set<SensorType> GPIO_TYPES = Set.of(SensorType.DRY_CONTACT, SensorType.WATER, SensorType.SMOKE);
    private static final Pattern ONEWIRE_ID = Pattern.compile("[0-9A-Fa-f]{2}-[0-9A-Fa-f]{12}");

    private final ReadContext ctx;
    private final ClassCatalog classes;
    private final CrossReferences references;

    InputReader(ReadContext ctx, ClassCatalog classes, CrossReferences references) {
        this.ctx = ctx;
        this.classes = classes;
        this.references = references;
    }

    /** The inputs listed under {@code key} of {@code owner}; {@code host} selects the Host's channels. */
    List<InputConfig> readAll(MappingCursor owner, String key, boolean host) {
        List<InputConfig> inputs = new ArrayList<>();
        Set<Integer> channels = new HashSet<>();
        for (MappingCursor input : owner.mappings(key)) {
            Integer channel = input.requiredIntegerIn("channel", 1, host ? 11 : 9);
            if (channel != null && !channels.add(channel)) {
                input.error("channel", "is already used by another input of this unit");
            }
            InputConfig config = read(input, channel, host);
            if (config != null) {
                inputs.add(config);
            }
        }
        return inputs;
    }

    /** The channel's fixed type: Host 9 battery, 10 ac-power, 11 sound; Node 9 node-power; else null. */
    static SensorType fixedType(boolean host, Integer channel) {
        if (channel == null) {
            return null;
        }
        if (!host) {
            return channel == 9 ? SensorType.NODE_POWER : null;
        }
        return switch (channel) {
            case 9 -> SensorType.BATTERY;
            case 10 -> SensorType.AC_POWER;
            case 11 -> SensorType.SOUND;
            default -> null;
        };
    }

    private InputConfig read(MappingCursor m, Integer channel, boolean host) {
        SensorType type = readType(m, channel, host);
        String name = m.text("name");
        boolean enabled = m.bool("enabled", true);
        ScheduleConfig schedule = ScheduleReader.read(m, "schedule", ctx);
        boolean numeric = type == null || NUMERIC.contains(type);

        double calibration = 0;
        Double low = null;
        Double high = null;
        if (numeric) {
            Double written = m.number("calibration");
            calibration = written == null ? 0 : written;
            if (type == SensorType.SOUND) {
                m.rejectIfWritten("low", "does not apply to sound inputs, which alarm above high only");
            } else {
                low = m.number("low");
            }
            high = m.number("high");
            if (low != null && high != null && low > high) {
                m.error("low", "must not be above high");
            }
        } else {
            String sentence = "applies only to inputs with a numeric reading";
            m.rejectIfWritten("calibration", sentence);
            m.rejectIfWritten("low", sentence);
            m.rejectIfWritten("high", sentence);
        }
        Duration recognitionTime = m.duration("recognition-time", null);
        Duration resetTime = resetTime(m);
        String alarmClass = classes.readClass(m, "class", null);
        boolean returnToNormal = m.bool("return-to-normal", true);
        boolean datalog = m.bool("datalog", true);
        List<AlarmResponseConfig> responses = readAlarmResponses(m);

        InputBackend backend = m.choice("backend", InputBackend.MOCK, InputBackend.class);
        if (type != null && backend == InputBackend.GPIO && !GPIO_TYPES.contains(type)) {
            m.error("backend", "may be gpio only for dry-contact, water and smoke inputs");
        }
        if (type != null && backend == InputBackend.ONEWIRE && type != SensorType.TEMPERATURE) {
            m.error("backend", "may be onewire only for temperature inputs");
        }
        GpioInputConfig gpio = backend == InputBackend.GPIO ? readGpio(m) : null;
        if (backend != InputBackend.GPIO) {
            m.rejectIfWritten("gpio", "is allowed only with backend: gpio");
        }
        OneWireConfig onewire = backend == InputBackend.ONEWIRE ? readOneWire(m) : null;
        if (backend != InputBackend.ONEWIRE) {
            m.rejectIfWritten("onewire", "is allowed only with backend: onewire");
        }
        String initial = null;
        if (backend == InputBackend.MOCK) {
            initial = readInitial(m, type);
        } else {
            m.rejectIfWritten("initial", "is allowed only on mock channels (backend: mock)");
        }

        ContactNormal normal = ContactNormal.CLOSED;
        if (type == null || type == SensorType.DRY_CONTACT) {
            normal = m.choice("normal", ContactNormal.CLOSED, ContactNormal.class);
        } else {
            m.rejectIfWritten("normal", "applies only to dry-contact inputs");
        }
        int range = 20;
        if (type == null || type == SensorType.CURRENT) {
            range = m.choice("range", 20, List.of(15, 20), String::valueOf);
        } else {
            m.rejectIfWritten("range", "applies only to current inputs");
        }

        if (channel == null || type == null || ctx.problems.hasErrors()) {
            return null;
        }
        return new InputConfig(channel, type, name, enabled, schedule, calibration, low, high, recognitionTime,
                resetTime, alarmClass, returnToNormal, datalog, responses, backend, initial, normal, range, gpio,
                onewire);
    }

    private SensorType readType(MappingCursor m, Integer channel, boolean host) {
        SensorType fixed = fixedType(host, channel);
        if (!m.has("type")) {
            if (fixed != null) {
                return fixed;
            }
            m.required("type");
            return null;
        }
        String token = m.text("type");
        if (token == null) {
            return null;
        }
        SensorType type = SensorType.fromToken(token).orElse(null);
        if (fixed != null) {
            if (type != fixed) {
                m.error("type", "must be " + fixed.token() + " on channel " + channel + ", or left out");
                return null;
            }
            return type;
        }
        if (type == null) {
            m.error("type", MappingCursor.oneOf(channel == null ? Arrays.asList(SensorType.values()) : externalTypes(),
                    SensorType::token));
            return null;
        }
        if (type.isFixed() && channel != null) {
            m.error("type", "must not be " + type.token() + " on channels 1 to 8: it exists only on "
                    + (host ? "Host channels 9 to 11" : "Node channel 9"));
            return null;
        }
        return type;
    }

    private static List<SensorType> externalTypes() {
        return Arrays.stream(SensorType.values()).filter(t -> !t.isFixed()).collect(Collectors.toList());
    }

    /** {@code reset-time}, default 0; a value under the manual's 30 minutes is accepted with a warning. */
    static Duration resetTime(MappingCursor m) {
        Duration resetTime = m.duration("reset-time", Duration.ZERO);
        if (!resetTime.isZero() && resetTime.compareTo(MANUAL_MIN_RESET_TIME) < 0) {
            m.warn("reset-time", "is under the manual's minimum of 30 minutes; accepted");
        }
        return resetTime;
    }

    private List<AlarmResponseConfig> readAlarmResponses(MappingCursor input) {
        List<AlarmResponseConfig> responses = new ArrayList<>();
        List<MappingCursor> all = input.mappings("alarm-responses");
        for (int i = 0; i < all.size(); i++) {
            MappingCursor m = all.get(i);
            if (i == MAX_ALARM_RESPONSES) {
                ctx.problems.error(m.path(), "is one too many: an input has at most " + MAX_ALARM_RESPONSES
                        + " alarm responses", m.line());
            }
            Integer powergate = m.requiredIntegerIn("powergate", 1, 16);
            Integer outlet = m.requiredIntegerIn("outlet", 1, 8);
            OutletAction action = m.choice("action", OutletAction.CYCLE, OutletAction.class);
            if (powergate != null) {
                references.outlet(powergate, m.pathOf("powergate"), m.lineOf("powergate"),
                        outlet, m.pathOf("outlet"), m.lineOf("outlet"));
            }
            if (powergate != null && outlet != null) {
                responses.add(new AlarmResponseConfig(powergate, outlet, action));
            }
        }
        return responses;
    }

    private GpioInputConfig readGpio(MappingCursor input) {
        if (!input.has("gpio")) {
            input.reportMissing("gpio");
            return null;
        }
        MappingCursor m = input.child("gpio");
        Integer pin = m.requiredIntegerIn("pin", 0, GPIO_MAX_PIN);
        if (pin != null) {
            references.pin(pin, m.pathOf("pin"), m.lineOf("pin"));
        }
        Pull pull = m.choice("pull", Pull.UP, Pull.class);
        ActiveLevel active = m.choice("active", ActiveLevel.LOW, ActiveLevel.class);
        Duration debounce = m.duration("debounce", Duration.ofMillis(50));
        return pin == null ? null : new GpioInputConfig(pin, pull, active, debounce);
    }

    private OneWireConfig readOneWire(MappingCursor input) {
        if (!input.has("onewire")) {
            input.reportMissing("onewire");
            return null;
        }
        MappingCursor m = input.child("onewire");
        String id = m.required("id");
        if (id != null && !ONEWIRE_ID.matcher(id).matches()) {
            m.error("id", "must be a 1-Wire id such as 28-0123456789ab");
        }
        Path dir = m.path("dir", "/sys/bus/w1/devices");
        return id == null || dir == null ? null : new OneWireConfig(id, dir);
    }

    /** {@code initial}: a number for numeric types, else one of the reading's words; null when not written. */
    private String readInitial(MappingCursor m, SensorType type) {
        String text = m.text("initial");
        if (text == null || type == null) {
            return text;
        }
        if (NUMERIC.contains(type)) {
            if (ValueSyntax.number(text).isEmpty()) {
                m.error("initial", ValueSyntax.NUMBER_SENTENCE);
            }
            return text;
        }
        List<String> words = switch (type) {
            case WATER -> List.of("dry", "wet");
            case SMOKE -> List.of("clear", "smoke");
            case DRY_CONTACT -> List.of("open", "closed");
            case BATTERY -> List.of("ok", "fault");
            default -> List.of("ok", "fail");
        };
        if (!words.contains(text)) {
            m.error("initial", MappingCursor.oneOf(words, w -> w));
        }
        return text;
    }
}
