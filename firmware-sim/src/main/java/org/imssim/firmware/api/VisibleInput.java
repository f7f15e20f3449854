package org.imssim.firmware.api;

import java.util.Optional;
import org.imssim.devices.unit.Input;
import org.imssim.devices.unit.InputAddress;
import org.imssim.devices.unit.UnitId;
import org.imssim.firmware.UnitFirmware;
import org.imssim.firmware.profile.Permissions;
import org.imssim.firmware.web.ApiCall;

/**
 * The input a call's {@code {unit}/{channel}} names, if the profile may see it (SPEC §5, §13): an
 * unknown unit or channel and one the profile may not see are the same 404, so that nobody can
 * probe for them. Loop only.
 */
final class VisibleInput {

    /** SPEC §13's 404 for inputs. */
    static final String NO_SUCH_INPUT = "There is no such input.";

    private VisibleInput() {
    }

    static Optional<Input> of(UnitFirmware unit, ApiCall call, Permissions permissions) {
        return address(call).flatMap(a -> unit.hardware().input(a))
                .filter(input -> permissions.sees(input.unitId().id(),
                        unit.hardware().settings(input.address()).alarmClass()));
    }

    /** The input address a call's {@code {unit}/{channel}} names, if it names one. */
    static Optional<InputAddress> address(ApiCall call) {
        try {
            UnitId id = UnitId.parse(call.pathParams().get("unit"));
            int channel = Integer.parseInt(call.pathParams().get("channel"));
            return Optional.of(new InputAddress(id, channel));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
