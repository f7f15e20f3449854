package org.imssim.firmware.api;

import java.util.concurrent.CompletionStage;
import org.imssim.firmware.UnitFirmware;
import org.imssim.firmware.web.ApiCall;
import org.imssim.firmware.web.ApiHandler;
import org.imssim.firmware.web.ApiResponse;

/** {@code GET /api/health}: open to anyone who passes the Host and Origin checks. */
final class HealthCall implements ApiHandler {

    private final UnitFirmware unit;

    HealthCall(UnitFirmware unit) {
        this.unit = unit;
    }

    @Override
    public CompletionStage<ApiResponse> handle(ApiCall call) {
        return unit.onLoop(() -> ApiResponse.ok(unit.health()));
    }
}
