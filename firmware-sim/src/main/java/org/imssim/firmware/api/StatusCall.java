package org.imssim.firmware.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.concurrent.CompletionStage;
import org.imssim.firmware.UnitFirmware;
import org.imssim.firmware.profile.Permissions;
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
        return unit.onLoop(() -> unit.profiles().find(call.username().orElseThrow())
                .map(profile -> ApiResponse.ok(unit.status().snapshot(new Permissions(profile))))
                .orElse(ApiResponse.error(HttpResponseStatus.UNAUTHORIZED, "That profile no longer exists.")));
    }
}
