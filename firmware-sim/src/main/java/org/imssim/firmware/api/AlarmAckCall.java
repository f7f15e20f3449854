package org.imssim.firmware.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.imssim.devices.unit.Input;
import org.imssim.firmware.UnitFirmware;
import org.imssim.firmware.alarm.AcknowledgeOutcome;
import org.imssim.firmware.alarm.Occurrence;
import org.imssim.firmware.alarm.Via;
import org.imssim.firmware.profile.Permissions;
import org.imssim.firmware.web.ApiCall;
import org.imssim.firmware.web.ApiHandler;
import org.imssim.firmware.web.ApiResponse;

/**
 * {@code POST /api/alarms/{unit}/{channel}/ack} (SPEC §13): acknowledges the input's open
 * occurrence, recording {@code Acknowledged: <input name> by <username> via api}. Any level may,
 * for an input it may see whose occurrence's class it has (a trouble's class is
 * {@code Diagnostic}). Answers 200 with the input as {@code /api/status} shows it; 404 for an
 * input unknown or not visible; 403 {@code You may not acknowledge this alarm.} for an
 * occurrence of a class the profile lacks; 409 {@code There is nothing to acknowledge.} when the
 * input has no occurrence waiting for acknowledgment.
 */
final class AlarmAckCall implements ApiHandler {

    /** SPEC §4, the same sentence as the {@code ack} command's. */
    static final String NOT_YOURS = "You may not acknowledge this alarm.";

    private final UnitFirmware unit;

    AlarmAckCall(UnitFirmware unit) {
        this.unit = unit;
    }

    @Override
    public CompletionStage<ApiResponse> handle(ApiCall call) {
        return unit.onLoop(() -> {
            Optional<Permissions> permissions = Caller.of(unit, call);
            if (permissions.isEmpty()) {
                return Caller.gone();
            }
            Optional<Input> input = VisibleInput.of(unit, call, permissions.get());
            if (input.isEmpty()) {
                return ApiResponse.error(HttpResponseStatus.NOT_FOUND, VisibleInput.NO_SUCH_INPUT);
            }
            Optional<Occurrence> open = unit.alarms().occurrence(input.get().address())
                    .filter(Occurrence::isAcknowledgeable);
            if (open.isPresent() && !permissions.get().hasClass(open.get().alarmClass())) {
                return ApiResponse.error(HttpResponseStatus.FORBIDDEN, NOT_YOURS);
            }
            AcknowledgeOutcome outcome = unit.alarms().acknowledgeInput(input.get().address(),
                    permissions.get().profile().username(), Via.API);
            if (!(outcome instanceof AcknowledgeOutcome.Acknowledged)) {
                return ApiResponse.error(HttpResponseStatus.CONFLICT, outcome.sentence());
            }
            return ApiResponse.ok(unit.status().inputStatus(input.get()));
        });
    }
}
