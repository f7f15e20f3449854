package org.imssim.firmware.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Optional;
import org.imssim.firmware.UnitFirmware;
import org.imssim.firmware.profile.Permissions;
import org.imssim.firmware.web.ApiCall;
import org.imssim.firmware.web.ApiResponse;

/**
 * The profile behind an API call whose credentials were checked, with its permissions. Loop only.
 * Its profile can only be missing if the call raced a configuration without it; the answer is
 * then a 401, as for wrong credentials.
 */
final class Caller {

    static final String GONE = "That profile no longer exists.";

    private Caller() {
    }

    static Optional<Permissions> of(UnitFirmware unit, ApiCall call) {
        return call.username().flatMap(u -> unit.profiles().find(u)).map(Permissions::new);
    }

    static ApiResponse gone() {
        return ApiResponse.error(HttpResponseStatus.UNAUTHORIZED, GONE);
    }
}
