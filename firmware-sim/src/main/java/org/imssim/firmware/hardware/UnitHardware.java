package org.imssim.firmware.hardware;

import io.netty.util.concurrent.EventExecutor;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntConsumer;
import org.imssim.devices.powergate.MockPowerGate;
import org.imssim.devices.powergate.PowerGate;
import org.imssim.devices.powergate.PowerGateSetup;
import org.imssim.devices.powergate.serial.LcusPowerGate;
import org.imssim.devices.powergate.serial.LineTimings;
import org.imssim.devices.powergate.serial.SerialPowerGate;
import org.imssim.devices.sensor.CurrentRange;
import org.imssim.devices.sensor.Reading;
import org.imssim.devices.sensor.SensorType;
import org.imssim.devices.sensor.TemperatureUnit;
import org.imssim.devices.unit.Host;
import org.imssim.devices.unit.Input;
import org.imssim.devices.unit.InputAddress;
import org.imssim.devices.unit.Node;
import org.imssim.devices.unit.Unit;
import org.imssim.devices.unit.UnitId;
import org.imssim.firmware.config.ContactNormal;
import org.imssim.firmware.config.ImsConfig;
import org.imssim.firmware.config.InputBackend;
import org.imssim.firmware.config.InputConfig;
import org.imssim.firmware.config.NodeConfig;
import org.imssim.firmware.config.PowerGateBackend;
import org.imssim.firmware.config.PowerGateConfig;
import org.imssim.firmware.loop.UnitClock;
import org.imssim.hal.InputChannel;
import org.imssim.hal.mock.MockAnalogInput;
import org.imssim.hal.mock.MockDigitalInput;
import org.imssim.hal.serial.SerialPortLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unit's hardware built from its configuration: the Host, its Nodes and PowerGates, on the
 * unit's event loop, with the settings of each input resolved.
 *
 * <p>Mock channels are kept by address so that the simulation can drive them. A channel whose
 * real backend this build cannot drive yet ({@code gpio}, {@code onewire}) is a channel with
 * nothing attached, so the input shows its sensor missing, as SPEC §11 says of an unavailable
 * backend; a PowerGate on such a backend ({@code gpio}) is not built (its outlets show UNKNOWN).
 *
 * <p>PowerGates on a line ({@code serial}: {@link SerialPowerGate}; {@code usb-relay}:
 * {@link LcusPowerGate}) are built with their link down and start talking at
 * {@link #startLines(IntConsumer)}; a port that does not exist leaves them down, tried again, and
 * never stops the unit. Only mock PowerGates power up with the unit ({@link #powerUpAtStart()}); a
 * PowerGate on a line powers up when its link says so.
 */
public final class UnitHardware implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UnitHardware.class);

    private final Host host;
    private final Map<Integer, Node> nodes;
    private final Map<Integer, PowerGate> powergates;
    private final Map<Integer, PowerGateConfig> unbuiltPowergates;
    private final Set<Integer> powerUpAtStart;
    private final Map<Integer, LinePowerGate> lineGates;
    private final Map<InputAddress, InputSettings> settings;
    private final Map<InputAddress, InputChannel> mockChannels;

    /** A PowerGate on a line, and how to start it talking. */
    private record LinePowerGate(PowerGate gate, Runnable start) {
    }

    private UnitHardware(Host host, Map<Integer, Node> nodes, Map<Integer, PowerGate> powergates,
                         Map<Integer, PowerGateConfig> unbuiltPowergates, Set<Integer> powerUpAtStart,
                         Map<Integer, LinePowerGate> lineGates, Map<InputAddress, InputSettings> settings,
                         Map<InputAddress, InputChannel> mockChannels) {
        this.host = host;
        this.nodes = nodes;
        this.powergates = powergates;
        this.unbuiltPowergates = unbuiltPowergates;
        this.powerUpAtStart = powerUpAtStart;
        this.lineGates = lineGates;
        this.settings = settings;
        this.mockChannels = mockChannels;
    }

    /** Builds the hardware; device events are delivered on {@code loop}. */
    public static UnitHardware build(ImsConfig config, EventExecutor loop, UnitClock clock) {
        return build(config, loop, clock, LineTimings.defaults());
    }

    /** Builds the hardware, PowerGates on lines talking with {@code lineTimings} (tests shorten them). */
    public static UnitHardware build(ImsConfig config, EventExecutor loop, UnitClock clock, LineTimings lineTimings) {
        return new Assembly(config, loop, clock::now, lineTimings).build();
    }

    /** The Host, then the Nodes by number. */
    public List<Unit> units() {
        List<Unit> all = new ArrayList<>();
        all.add(host);
        all.addAll(nodes.values());
        return all;
    }

    public Host host() {
        return host;
    }

    /** The unit with this id, if configured. */
    public Optional<Unit> unit(UnitId id) {
        return id.isHost() ? Optional.of(host) : Optional.ofNullable(nodes.get(id.number()));
    }

    /** The input at this address, if in use. */
    public Optional<Input> input(InputAddress address) {
        return unit(address.unit()).flatMap(u -> u.input(address.channel()));
    }

    /** The resolved settings of an input in use. */
    public InputSettings settings(InputAddress address) {
        InputSettings s = settings.get(address);
        if (s == null) {
            throw new IllegalArgumentException("No input at " + address);
        }
        return s;
    }

    /** The mock channel behind an input, when its backend is {@code mock}. */
    public Optional<InputChannel> mockChannel(InputAddress address) {
        return Optional.ofNullable(mockChannels.get(address));
    }

    /** The PowerGates that were built, by number. */
    public Map<Integer, PowerGate> powergates() {
        return Collections.unmodifiableMap(powergates);
    }

    /**
     * The PowerGates whose relays power up with the unit, so that the firmware applies their
     * outlets' {@code power-up} at start (SPEC §11): the mock ones. The others are read at start.
     */
    public Set<Integer> powerUpAtStart() {
        return Collections.unmodifiableSet(powerUpAtStart);
    }

    /**
     * Starts the PowerGates on lines ({@code serial}, {@code usb-relay}) talking: each opens its
     * port on a thread of its own. Call on the loop, once. {@code poweredUp} is called on the loop
     * with the number of a PowerGate whose relays have just powered up (its link change says
     * {@code poweredUp}), for the firmware to apply its outlets' {@code power-up}.
     */
    public void startLines(IntConsumer poweredUp) {
        lineGates.forEach((number, line) -> {
            line.gate().onLinkChange(change -> {
                if (change.poweredUp()) {
                    poweredUp.accept(change.powerGate());
                }
            });
            line.start().run();
        });
    }

    /** PowerGates configured on a backend this build cannot drive: their outlets are UNKNOWN. */
    public Map<Integer, PowerGateConfig> unbuiltPowergates() {
        return Collections.unmodifiableMap(unbuiltPowergates);
    }

    @Override
    public void close() {
        powergates.values().forEach(PowerGate::close);
        nodes.values().forEach(Node::close);
        host.close();
    }

    /** Maps the configuration onto devices; one use. */
    private static final class Assembly {
        private final ImsConfig config;
        private final EventExecutor loop;
        private final InstantSource clock;
        private final TemperatureUnit temperatureUnit;
        private final Map<InputAddress, InputSettings> settings = new LinkedHashMap<>();
        private final Map<InputAddress, InputChannel> mockChannels = new LinkedHashMap<>();
        private final LineTimings lineTimings;

        Assembly(ImsConfig config, EventExecutor loop, InstantSource clock, LineTimings lineTimings) {
            this.config = config;
            this.loop = loop;
            this.clock = clock;
            this.lineTimings = lineTimings;
            this.temperatureUnit = TemperatureUnit.valueOf(config.unit().temperatureUnit().name());
        }

        UnitHardware build() {
            Host.Builder hostBuilder = Host.builder().clock(clock).executor(loop).temperatureUnit(temperatureUnit);
            for (InputConfig input : config.inputs()) {
                hostBuilder.input(input(UnitId.host(), input));
            }
            Host host = hostBuilder.build();
            resolveFixed(host);

            Map<Integer, Node> nodes = new TreeMap<>();
            for (NodeConfig nodeConfig : config.nodes()) {
                UnitId id = UnitId.node(nodeConfig.number());
                Node.Builder builder = Node.builder(nodeConfig.number()).executor(loop)
                        .temperatureUnit(temperatureUnit);
                if (nodeConfig.name() != null) {
                    builder.name(nodeConfig.name());
                }
                for (InputConfig input : nodeConfig.inputs()) {
                    builder.input(input(id, input));
                }
                Node node = builder.build();
                resolveFixed(node);
                nodes.put(nodeConfig.number(), node);
            }

            Map<Integer, PowerGate> powergates = new TreeMap<>();
            Map<Integer, PowerGateConfig> unbuilt = new TreeMap<>();
            Set<Integer> atStart = new TreeSet<>();
            Map<Integer, LinePowerGate> lines = new TreeMap<>();
            for (PowerGateConfig gate : config.powergates()) {
                if (gate.backend() == PowerGateBackend.MOCK) {
                    powergates.put(gate.number(), new MockPowerGate(setup(gate), loop));
                    atStart.add(gate.number());
                } else if (gate.backend() == PowerGateBackend.SERIAL && gate.serial() != null) {
                    String port = gate.serial().port();
                    int baud = gate.serial().baud();
                    SerialPowerGate serial = new SerialPowerGate(setup(gate), () -> SerialPortLink.open(port, baud),
                            port, loop, lineTimings);
                    powergates.put(gate.number(), serial);
                    lines.put(gate.number(), new LinePowerGate(serial, serial::start));
                } else if (gate.backend() == PowerGateBackend.USB_RELAY && gate.serial() != null) {
                    String port = gate.serial().port();
                    int baud = gate.serial().baud();
                    LcusPowerGate relays = new LcusPowerGate(setup(gate), () -> SerialPortLink.open(port, baud),
                            port, loop, lineTimings);
                    powergates.put(gate.number(), relays);
                    lines.put(gate.number(), new LinePowerGate(relays, relays::start));
                } else {
                    log.warn("PowerGate {}: backend {} is not built into this imssim yet; its outlets show UNKNOWN",
                            gate.number(), gate.backend().name().toLowerCase(java.util.Locale.ROOT));
                    unbuilt.put(gate.number(), gate);
                }
            }
            return new UnitHardware(host, nodes, powergates, unbuilt, atStart, lines, settings, mockChannels);
        }

        private Input.Builder input(UnitId unit, InputConfig input) {
            SensorType type = input.type();
            InputAddress address = new InputAddress(unit, input.channel());
            InputSettings resolved = resolve(address, type, input);
            settings.put(address, resolved);
            InputChannel channel = channel(address, type, input, resolved);
            Input.Builder builder = Input.builder(input.channel(), type, channel)
                    .name(input.name())
                    .calibration(input.calibration());
            if (type == SensorType.DRY_CONTACT && input.normal() != null) {
                builder.normal(input.normal() == ContactNormal.OPEN ? "open" : "closed");
            }
            return builder;
        }

        private InputChannel channel(InputAddress address, SensorType type, InputConfig input, InputSettings resolved) {
            if (input.backend() != InputBackend.MOCK) {
                log.warn("Input {}: backend {} is not built into this imssim yet; the input shows its sensor missing",
                        address, input.backend().name().toLowerCase(java.util.Locale.ROOT));
                return nothingAttached(type);
            }
            InputChannel channel = mockChannel(type, input, resolved);
            mockChannels.put(address, channel);
            return channel;
        }

        /** A channel with no sensor on it: the input shows its sensor missing. */
        private InputChannel nothingAttached(SensorType type) {
            if (type.isAnalog()) {
                MockAnalogInput channel = new MockAnalogInput(clock, "", 0);
                channel.unplug();
                return channel;
            }
            MockDigitalInput channel = new MockDigitalInput("", false);
            channel.unplug();
            return channel;
        }

        private InputChannel mockChannel(SensorType type, InputConfig input, InputSettings resolved) {
            if (type.isAnalog()) {
                double initial = input.initial() != null ? Double.parseDouble(input.initial())
                        : analogDefault(type, resolved);
                return new MockAnalogInput(clock, type.token(), initial);
            }
            String normal = type == SensorType.DRY_CONTACT && input.normal() == ContactNormal.OPEN ? "open"
                    : type.normalWord();
            String word = input.initial() != null ? input.initial() : normal;
            return new MockDigitalInput(type.token(), type.levelForWord(word));
        }

        private double analogDefault(SensorType type, InputSettings resolved) {
            Reading reading = resolved.low().isPresent() && resolved.high().isPresent()
                    ? type.mockInitial(temperatureUnit, resolved.low().getAsDouble(), resolved.high().getAsDouble())
                    : type.mockInitial(temperatureUnit);
            return ((Reading.Analog) reading).value();
        }

        private InputSettings resolve(InputAddress address, SensorType type, InputConfig input) {
            CurrentRange range = input != null && input.range() == 15 ? CurrentRange.A15 : CurrentRange.A20;
            OptionalDouble low = input != null && input.low() != null ? OptionalDouble.of(input.low())
                    : type.defaultLow(temperatureUnit);
            OptionalDouble high = input != null && input.high() != null ? OptionalDouble.of(input.high())
                    : type.defaultHigh(temperatureUnit, range);
            return new InputSettings(address, type,
                    input != null && input.alarmClass() != null ? input.alarmClass() : type.defaultClassName(),
                    low, high,
                    input != null && input.recognitionTime() != null ? input.recognitionTime() : type.defaultRecognitionTime(),
                    input == null || input.enabled(),
                    input);
        }

        /**
         * Settings for the fixed channels (battery, AC power, sound, node power) the file did not
         * mention; the devices put those on mock channels, which the simulation drives.
         */
        private void resolveFixed(Unit unit) {
            for (Input input : unit.inputs()) {
                InputAddress address = input.address();
                if (!settings.containsKey(address)) {
                    settings.put(address, resolve(address, input.type(), null));
                    if (input.halChannel() instanceof MockAnalogInput || input.halChannel() instanceof MockDigitalInput) {
                        mockChannels.put(address, input.halChannel());
                    }
                }
            }
        }

        private static PowerGateSetup setup(PowerGateConfig gate) {
            return new PowerGateSetup(gate.number(), gate.name() == null ? "" : gate.name(),
                    UnitId.parse(gate.unit()), gate.outlets(), gate.outletNames(), gate.onShutdown());
        }
    }
}
