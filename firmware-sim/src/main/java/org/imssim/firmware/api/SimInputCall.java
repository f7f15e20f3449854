package org.imssim.firmware.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.imssim.devices.sensor.SensorType;
import org.imssim.devices.unit.Input;
import org.imssim.devices.unit.InputAddress;
import org.imssim.firmware.UnitFirmware;
import org.imssim.firmware.profile.Permissions;
import org.imssim.firmware.web.ApiCall;
import org.imssim.firmware.web.ApiHandler;
import org.imssim.firmware.web.ApiResponse;
import org.imssim.firmware.web.Json;
import org.imssim.hal.InputChannel;
import org.imssim.hal.mock.MockAnalogInput;
import org.imssim.hal.mock.MockDigitalInput;

/**
 * {@code POST /api/sim/inputs/{unit}/{channel}} (SPEC §13): drives a mock channel as the hardware
 * would — {@code {"value": 90.5}} (in the reading's unit, before calibration),
 * {@code {"contact": "open"}}, {@code {"state": "wet"}}, {@code {"connected": false}},
 * {@code {"connected": true, "type": "humidity"}} (plug a sensor, of another type to swap it).
 * Master profiles only; mock channels only (409 for others). Answers the input as
 * {@code /api/status} shows it.
 */
final class SimInputCall implements ApiHandler {

    static final String NOT_MASTER = "Only a master profile may drive the simulation.";
    static final String NO_SUCH_INPUT = "There is no such input.";
    static final String NOT_MOCK = "This input is not simulated (its backend is not mock).";
    static final String BAD_BODY = "Send one of {\"value\": <number>}, {\"contact\": \"open|closed\"}, "
            + "{\"state\": \"<word>\"}, {\"connected\": false} or {\"connected\": true, \"type\": \"<type>\"}.";

    private final UnitFirmware unit;

    SimInputCall(UnitFirmware unit) {
        this.unit = unit;
    }

    @Override
    public CompletionStage<ApiResponse> handle(ApiCall call) {
        Optional<JsonNode> body = Json.read(call.body());
        return unit.onLoop(() -> {
            Optional<Permissions> permissions = Caller.of(unit, call);
            if (permissions.isEmpty() || !permissions.get().isMaster()) {
                return ApiResponse.error(HttpResponseStatus.FORBIDDEN, NOT_MASTER);
            }
            Optional<InputAddress> address = VisibleInput.address(call);
            Optional<Input> input = address.flatMap(a -> unit.hardware().input(a));
            if (input.isEmpty()) {
                return ApiResponse.error(HttpResponseStatus.NOT_FOUND, NO_SUCH_INPUT);
            }
            Optional<InputChannel> channel = unit.hardware().mockChannel(address.get());
            if (channel.isEmpty()) {
                return ApiResponse.error(HttpResponseStatus.CONFLICT, NOT_MOCK);
            }
            if (body.isEmpty() || !body.get().isObject() || !drive(input.get(), channel.get(), body.get())) {
                return ApiResponse.error(HttpResponseStatus.BAD_REQUEST, BAD_BODY);
            }
            return null;
        }).thenCompose(refusal -> refusal != null ? CompletableFuture.completedFuture(refusal)
                // The input reads its channel's change in a task of its own: answer after it.
                : unit.onLoopLater(() -> ApiResponse.ok(unit.status().inputStatus(
                        unit.hardware().input(VisibleInput.address(call).orElseThrow()).orElseThrow()))));
    }

    /** Applies the body to the mock channel; false when the body does not fit the input. */
    private static boolean drive(Input input, InputChannel channel, JsonNode body) {
        if (body.size() == 1 && body.has("value")) {
            JsonNode value = body.get("value");
            if (!value.isNumber() || !Double.isFinite(value.asDouble()) || !(channel instanceof MockAnalogInput analog)) {
                return false;
            }
            analog.mockValue(value.asDouble());
            return true;
        }
        if (body.size() == 1 && (body.has("contact") || body.has("state"))) {
            if (body.has("contact") && input.type() != SensorType.DRY_CONTACT) {
                return false;
            }
            JsonNode word = body.has("contact") ? body.get("contact") : body.get("state");
            if (!word.isTextual() || !input.type().hasWord(word.asText()) || !(channel instanceof MockDigitalInput digital)) {
                return false;
            }
            digital.mockLevel(input.type().levelForWord(word.asText()));
            return true;
        }
        if (body.has("connected") && body.get("connected").isBoolean()) {
            return connect(input, channel, body);
        }
        return false;
    }

    private static boolean connect(Input input, InputChannel channel, JsonNode body) {
        boolean connected = body.get("connected").asBoolean();
        if (!connected) {
            if (body.size() != 1) {
                return false;
            }
            if (channel instanceof MockAnalogInput analog) {
                analog.unplug();
            } else {
                ((MockDigitalInput) channel).unplug();
            }
            return true;
        }
        String kind = input.type().token();
        if (body.has("type")) {
            if (!body.get("type").isTextual() || SensorType.fromToken(body.get("type").asText()).isEmpty()) {
                return false;
            }
            kind = body.get("type").asText();
        } else if (body.size() != 1) {
            return false;
        }
        if (channel instanceof MockAnalogInput analog) {
            analog.plug(kind);
        } else {
            ((MockDigitalInput) channel).plug(kind);
        }
        return true;
    }
}
