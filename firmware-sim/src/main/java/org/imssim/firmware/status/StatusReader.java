package org.imssim.firmware.status;

import java.util.ArrayList;
import java.util.List;
import org.imssim.devices.powergate.Outlet;
import org.imssim.devices.powergate.PowerGate;
import org.imssim.devices.sensor.Reading;
import java.util.function.Function;
import org.imssim.devices.unit.Input;
import org.imssim.devices.unit.InputAddress;
import org.imssim.devices.unit.Presence;
import org.imssim.devices.unit.Unit;
import org.imssim.devices.unit.UnitId;
import org.imssim.firmware.alarm.AlarmState;
import org.imssim.firmware.config.ImsConfig;
import org.imssim.firmware.config.IpDeviceConfig;
import org.imssim.firmware.config.PowerGateConfig;
import org.imssim.firmware.hardware.InputSettings;
import org.imssim.firmware.hardware.UnitHardware;
import org.imssim.firmware.profile.Permissions;

/**
 * Takes a {@link StatusSnapshot} of the unit for one profile, on the unit's event loop.
 *
 * <p>Filtering (SPEC §5): units the profile may not see never appear; inputs (Host channels 9–11
 * included) and IP devices appear only when their class is among the profile's classes; outlets
 * are filtered by unit only. A unit left with no visible input is left out.
 *
 * <p>Inputs show their alarm state, IP devices their monitor's ({@code Responding} or
 * {@code Ping Timeout}).
 */
public final class StatusReader {

    private final ImsConfig config;
    private final UnitHardware hardware;
    private final Function<InputAddress, AlarmState> states;
    private final Function<String, String> ipStates;

    /**
     * @param states   the alarm state of each input (the alarm engine's)
     * @param ipStates the state of each IP device by name (its monitor's)
     */
    public StatusReader(ImsConfig config, UnitHardware hardware, Function<InputAddress, AlarmState> states,
                        Function<String, String> ipStates) {
        this.config = config;
        this.hardware = hardware;
        this.states = states;
        this.ipStates = ipStates;
    }

    public StatusSnapshot snapshot(Permissions permissions) {
        List<StatusSnapshot.UnitStatus> units = new ArrayList<>();
        for (Unit unit : hardware.units()) {
            if (!permissions.seesUnit(unit.id().id())) {
                continue;
            }
            List<StatusSnapshot.InputStatus> inputs = new ArrayList<>();
            for (Input input : unit.inputs()) {
                InputSettings settings = hardware.settings(input.address());
                if (permissions.hasClass(settings.alarmClass())) {
                    inputs.add(inputStatus(input, states.apply(input.address())));
                }
            }
            if (!inputs.isEmpty()) {
                units.add(new StatusSnapshot.UnitStatus(unit.id().id(), unit.displayName(), List.copyOf(inputs)));
            }
        }
        return new StatusSnapshot(new StatusSnapshot.UnitName(config.unit().name()), List.copyOf(units),
                powergates(permissions), ipDevices(permissions));
    }

    /** One input as the status shows it now. */
    public StatusSnapshot.InputStatus inputStatus(Input input) {
        return inputStatus(input, states.apply(input.address()));
    }

    private static StatusSnapshot.InputStatus inputStatus(Input input, AlarmState state) {
        Object value = null;
        String unit = null;
        if (input.presence() == Presence.CONNECTED && input.reading().isPresent()) {
            Reading reading = input.reading().get();
            if (reading instanceof Reading.Analog analog) {
                value = analog.value();
                unit = analog.unit();
            } else {
                value = ((Reading.Binary) reading).word();
            }
        }
        return new StatusSnapshot.InputStatus(input.channel(), input.name(), input.type().token(), value, unit, state.name());
    }

    private List<StatusSnapshot.PowerGateStatus> powergates(Permissions permissions) {
        List<StatusSnapshot.PowerGateStatus> out = new ArrayList<>();
        for (PowerGateConfig gateConfig : config.powergates()) {
            if (!permissions.seesUnit(gateConfig.unit())) {
                continue;
            }
            PowerGate gate = hardware.powergates().get(gateConfig.number());
            List<StatusSnapshot.OutletStatus> outlets = new ArrayList<>();
            if (gate != null) {
                for (Outlet outlet : gate.outlets()) {
                    outlets.add(new StatusSnapshot.OutletStatus(outlet.number(), outlet.name(), outlet.state().name()));
                }
            } else {
                for (int m = 1; m <= gateConfig.outlets(); m++) {
                    String name = gateConfig.outletNames().isEmpty() ? "Outlet " + m : gateConfig.outletNames().get(m - 1);
                    outlets.add(new StatusSnapshot.OutletStatus(m, name, "UNKNOWN"));
                }
            }
            out.add(new StatusSnapshot.PowerGateStatus(gateConfig.number(),
                    gateConfig.name() == null ? "" : gateConfig.name(), UnitId.parse(gateConfig.unit()).id(),
                    List.copyOf(outlets)));
        }
        return List.copyOf(out);
    }

    private List<StatusSnapshot.IpDeviceStatus> ipDevices(Permissions permissions) {
        List<StatusSnapshot.IpDeviceStatus> out = new ArrayList<>();
        for (IpDeviceConfig device : config.ipDevices()) {
            if (device.enabled() && permissions.sees(device.unit(), device.alarmClass())) {
                out.add(new StatusSnapshot.IpDeviceStatus(device.name(), device.address(), ipStates.apply(device.name())));
            }
        }
        return List.copyOf(out);
    }
}
