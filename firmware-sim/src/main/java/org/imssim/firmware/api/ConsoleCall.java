package org.imssim.firmware.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.imssim.firmware.UnitFirmware;
import org.imssim.firmware.profile.Permissions;
import org.imssim.firmware.web.ApiCall;
import org.imssim.firmware.web.ApiHandler;
import org.imssim.firmware.web.ApiResponse;

/** {@code GET /}: the web console page, for the profile signed in with HTTP Basic. */
final class ConsoleCall implements ApiHandler {

    private static final int EVENTS_SHOWN = 25;

    private final UnitFirmware unit;

    ConsoleCall(UnitFirmware unit) {
        this.unit = unit;
    }

    @Override
    public CompletionStage<ApiResponse> handle(ApiCall call) {
        return unit.onLoop(() -> unit.events().newest(1000)).thenCompose(stage -> stage)
                .thenCompose(events -> unit.onLoop(() -> {
                    Optional<Permissions> found = Caller.of(unit, call);
                    if (found.isEmpty()) {
                        return Caller.gone();
                    }
                    Permissions permissions = found.get();
                    String page = ConsolePage.render(unit.status().snapshot(permissions),
                            events.stream().filter(e -> permissions.seesUnit(e.unit())).limit(EVENTS_SHOWN).toList(),
                            permissions.profile().username(),
                            unit.clock().now().atZone(unit.config().unit().timeZone()));
                    return ApiResponse.text(HttpResponseStatus.OK, "text/html; charset=utf-8", page)
                            .withHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
                            .withHeader("X-Frame-Options", "DENY");
                }));
    }
}
