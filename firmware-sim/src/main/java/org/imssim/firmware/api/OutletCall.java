package org.imssim.firmware.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.imssim.devices.powergate.OutletAction;
import org.imssim.firmware.UnitFirmware;
import org.imssim.firmware.outlet.OutletControl;
import org.imssim.firmware.outlet.OutletOutcome;
import org.imssim.firmware.outlet.OutletRequest;
import org.imssim.firmware.outlet.OutletRequester;
import org.imssim.firmware.profile.Permissions;
import org.imssim.firmware.status.StatusSnapshot;
import org.imssim.firmware.web.ApiCall;
import org.imssim.firmware.web.ApiHandler;
import org.imssim.firmware.web.ApiResponse;
import org.imssim.firmware.web.Json;

/**
 * {@code POST /api/powergates/{n}/outlets/{m}} with {@code {"action": "on|off|cycle"}} (SPEC §13):
 * switches one outlet as the {@code outlet} e-mail command does, through {@link OutletControl},
 * recording {@code Outlet <n>/<m> <name> switched <ON|OFF|CYCLE> by <username> via api}. Any level
 * may, for the PowerGates of the units it may see. It answers once the new state is stored and the
 * relay moved:
 * <ul>
 *   <li>200 with the outlet, {@code {"number", "name", "state"}} as {@code /api/status} shows it;</li>
 *   <li>404 for a PowerGate unknown or on a unit the profile may not see, or an outlet out of range
 *       or not a number (checked before the body, so nobody probes for PowerGates with bad bodies);</li>
 *   <li>400 for a body that is not JSON or not exactly one known {@code action};</li>
 *   <li>409 with the sentence for a refusal due to the outlet's state: already cycling,
 *       {@code cycle} on an outlet that is off, or a PowerGate that is not answering;</li>
 *   <li>503 when the new state could not be stored (nothing was switched).</li>
 * </ul>
 */
final class OutletCall implements ApiHandler {

    static final String BAD_BODY = "Send {\"action\": \"on\"}, {\"action\": \"off\"} or {\"action\": \"cycle\"}.";
    static final String NO_SUCH_POWERGATE = "There is no such PowerGate.";

    private final UnitFirmware unit;

    OutletCall(UnitFirmware unit) {
        this.unit = unit;
    }

    @Override
    public CompletionStage<ApiResponse> handle(ApiCall call) {
        Optional<OutletAction> action = action(call.body());
        return unit.onLoop(() -> {
            Optional<Permissions> permissions = Caller.of(unit, call);
            if (permissions.isEmpty()) {
                return CompletableFuture.completedFuture(Caller.gone());
            }
            OutletRequester by = OutletRequester.profile(permissions.get(), OutletRequester.Via.API);
            OptionalInt n = number(call.pathParams().get("n"));
            OptionalInt m = number(call.pathParams().get("m"));
            if (n.isEmpty()) {
                return CompletableFuture.completedFuture(ApiResponse.error(HttpResponseStatus.NOT_FOUND, NO_SUCH_POWERGATE));
            }
            // An outlet that is not a number is out of range: the answer names the range.
            int outlet = m.orElse(0);
            Optional<OutletOutcome.Refused> missing = unit.outlets().check(n.getAsInt(), OptionalInt.of(outlet), by)
                    .filter(r -> r.reason() != OutletOutcome.Reason.NOT_ANSWERING);
            if (missing.isPresent()) {
                return CompletableFuture.completedFuture(ApiResponse.error(HttpResponseStatus.NOT_FOUND,
                        missing.get().sentence()));
            }
            if (action.isEmpty()) {
                return CompletableFuture.completedFuture(ApiResponse.error(HttpResponseStatus.BAD_REQUEST, BAD_BODY));
            }
            return unit.outlets().request(OutletRequest.one(n.getAsInt(), outlet, action.get(), by))
                    .thenApply(OutletCall::answer);
        }).thenCompose(answer -> answer);
    }

    private static ApiResponse answer(OutletOutcome outcome) {
        if (outcome instanceof OutletOutcome.Refused refused) {
            HttpResponseStatus status = switch (refused.reason()) {
                case NO_SUCH_POWERGATE, NO_SUCH_OUTLET -> HttpResponseStatus.NOT_FOUND;
                case NOT_ANSWERING -> HttpResponseStatus.CONFLICT;
                case NOT_STORED, STOPPED -> HttpResponseStatus.SERVICE_UNAVAILABLE;
            };
            return ApiResponse.error(status, refused.sentence());
        }
        OutletOutcome.Result result = ((OutletOutcome.Done) outcome).outlets().get(0);
        if (result.kind() != OutletOutcome.Kind.SWITCHED) {
            return ApiResponse.error(HttpResponseStatus.CONFLICT, result.line());
        }
        return ApiResponse.ok(new StatusSnapshot.OutletStatus(result.outlet().number(), result.outlet().name(),
                result.outlet().state().name()));
    }

    /** The action of a body {@code {"action": "on|off|cycle"}}, case-insensitive; empty for anything else. */
    private static Optional<OutletAction> action(byte[] body) {
        Optional<JsonNode> json = Json.read(body);
        if (json.isEmpty() || !json.get().isObject() || json.get().size() != 1 || !json.get().path("action").isTextual()) {
            return Optional.empty();
        }
        return switch (json.get().get("action").asText().toLowerCase(Locale.ROOT)) {
            case "on" -> Optional.of(OutletAction.ON);
            case "off" -> Optional.of(OutletAction.OFF);
            case "cycle" -> Optional.of(OutletAction.CYCLE);
            default -> Optional.empty();
        };
    }

    /** A path segment that is a number of at most 9 digits. */
    private static OptionalInt number(String segment) {
        return segment != null && segment.matches("[0-9]{1,9}") ? OptionalInt.of(Integer.parseInt(segment))
                : OptionalInt.empty();
    }
}
