package org.imssim.firmware.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.imssim.devices.unit.Input;
import org.imssim.firmware.UnitFirmware;
import org.imssim.firmware.config.Level;
import org.imssim.firmware.profile.Permissions;
import org.imssim.firmware.web.ApiCall;
import org.imssim.firmware.web.ApiHandler;
import org.imssim.firmware.web.ApiResponse;

/**
 * {@code POST /api/alarms/{unit}/{channel}/reset-min-max} (SPEC §4, §13): the input's min and max
 * start again from its current reading. {@code master} and {@code site-admin} only (403 for a
 * {@code user}); 404 for an input unknown or not visible. Answers 200 with
 * {@code {"channel", "name", "min", "max", "unit"}}, min and max null for a binary input or one
 * with no reading.
 */
final class ResetMinMaxCall implements ApiHandler {

    static final String NOT_ADMIN = "Only a master or site-admin profile may reset min and max.";

    private final UnitFirmware unit;

    ResetMinMaxCall(UnitFirmware unit) {
        this.unit = unit;
    }

    @Override
    public CompletionStage<ApiResponse> handle(ApiCall call) {
        return unit.onLoop(() -> {
            Optional<Permissions> permissions = Caller.of(unit, call);
            if (permissions.isEmpty()) {
                return Caller.gone();
            }
            if (permissions.get().profile().level() == Level.USER) {
                return ApiResponse.error(HttpResponseStatus.FORBIDDEN, NOT_ADMIN);
            }
            Optional<Input> input = VisibleInput.of(unit, call, permissions.get());
            if (input.isEmpty()) {
                return ApiResponse.error(HttpResponseStatus.NOT_FOUND, VisibleInput.NO_SUCH_INPUT);
            }
            unit.alarms().resetMinMax(input.get().address());
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("channel", input.get().channel());
            answer.put("name", input.get().name());
            unit.alarms().minMax(input.get().address()).ifPresentOrElse(m -> {
                answer.put("min", m.min());
                answer.put("max", m.max());
                answer.put("unit", m.unit());
            }, () -> {
                answer.put("min", null);
                answer.put("max", null);
                answer.put("unit", null);
            });
            return ApiResponse.ok(answer);
        });
    }
}
