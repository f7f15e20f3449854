package org.imssim.firmware.api;

import java.util.concurrent.CompletionStage;
import org.imssim.firmware.UnitFirmware;
import org.imssim.firmware.web.ApiCall;
import org.imssim.firmware.web.ApiHandler;
import org.imssim.firmware.web.ApiResponse;

/** {@code GET /api/status}: the unit as the caller's profile may see it, as the status mail shows it. */
final class StatusCall implements ApiHandler {

    private final UnitFirmware unit;

    StatusCall(UnitFirmware unit) {
        this.unit = unit;
    }

    @Override
    public CompletionStage<ApiResponse> handle(ApiCall call) {
        return unit.onLoop(() -> Caller.of(unit, call)
                .map(permissions -> ApiResponse.ok(unit.status().snapshot(permissions)))
                .orElseGet(Caller::gone));
    }
}
