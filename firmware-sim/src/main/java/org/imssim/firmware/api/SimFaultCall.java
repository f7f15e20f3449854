package org.imssim.firmware.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imssim.devices.powergate.MockPowerGate;
import org.imssim.devices.powergate.PowerGate;
import org.imssim.firmware.UnitFirmware;
import org.imssim.firmware.config.IpDeviceConfig;
import org.imssim.firmware.net.SimulatedProbe;
import org.imssim.firmware.net.Target;
import org.imssim.firmware.profile.Permissions;
import org.imssim.firmware.web.ApiCall;
import org.imssim.firmware.web.ApiHandler;
import org.imssim.firmware.web.ApiResponse;
import org.imssim.firmware.web.Json;

/**
 * {@code POST /api/sim/faults} (SPEC §13): switches a simulated fault on or off, with
 * {@code {"fault": "smtp|mailbox|relay|serial|ping", "target": "…", "active": true|false}}.
 * <ul>
 *   <li>{@code smtp}: the SMTP server refuses every mail; {@code mailbox}: it refuses the unit's
 *       login — only with the embedded mail server ({@code imssim demo}), no target.</li>
 *   <li>{@code relay}, target {@code <n>/<m>}: the relay of a mock PowerGate's outlet sticks where
 *       it is (its next switch reads back wrong: {@code Relay Fault}), or is freed.</li>
 *   <li>{@code serial}, target {@code <n>}: a mock PowerGate's line goes silent ({@code Link
 *       Down}, outlets {@code UNKNOWN}), or talks again.</li>
 *   <li>{@code ping}, target an address of the simulated network or an IP device's name: it stops
 *       answering, or answers again; the device's monitor notices at its next ping.</li>
 * </ul>
 * Master profiles only (403). 400 for a body that is not one of these; 404 for a PowerGate or
 * outlet that does not exist; 409 for a part that is not simulated. Answers the fault as set.
 */
final class SimFaultCall implements ApiHandler {

    static final String BAD_BODY = "Send {\"fault\": \"smtp|mailbox|relay|serial|ping\", \"target\": \"…\", "
            + "\"active\": true|false}; relay needs a target such as \"1/2\", serial \"1\", ping an address.";
    static final String MAIL_NOT_EMBEDDED = "SMTP and mailbox faults are simulated only with the embedded mail "
            + "server (imssim demo); this unit uses real mail servers.";
    static final String NO_MAILBOX = "This unit reads no mailbox.";
    static final String NO_SUCH_POWERGATE = "There is no such PowerGate or outlet.";
    static final String NOT_MOCK_POWERGATE = "This PowerGate is not simulated (its backend is not mock).";
    static final String NETWORK_NOT_SIMULATED = "The network is not simulated: set network.probe: simulated.";

    private static final Pattern OUTLET = Pattern.compile("([1-9][0-9]?)/([1-9])");
    private static final Pattern GATE = Pattern.compile("[1-9][0-9]?");

    private final UnitFirmware unit;

    SimFaultCall(UnitFirmware unit) {
        this.unit = unit;
    }

    @Override
    public CompletionStage<ApiResponse> handle(ApiCall call) {
        Optional<JsonNode> body = Json.read(call.body());
        return unit.onLoop(() -> {
            Optional<Permissions> permissions = Caller.of(unit, call);
            if (permissions.isEmpty() || !permissions.get().isMaster()) {
                return ApiResponse.error(HttpResponseStatus.FORBIDDEN, SimInputCall.NOT_MASTER);
            }
            if (body.isEmpty() || !body.get().isObject() || !body.get().path("fault").isTextual()
                    || !body.get().path("active").isBoolean()) {
                return ApiResponse.error(HttpResponseStatus.BAD_REQUEST, BAD_BODY);
            }
            String fault = body.get().get("fault").asText();
            boolean active = body.get().get("active").asBoolean();
            JsonNode targetNode = body.get().path("target");
            String target = targetNode.isTextual() ? targetNode.asText().strip() : null;
            return switch (fault) {
                case "smtp", "mailbox" -> mail(fault, active);
                case "relay" -> relay(target, active);
                case "serial" -> serial(target, active);
                case "ping" -> ping(target, active);
                default -> ApiResponse.error(HttpResponseStatus.BAD_REQUEST, BAD_BODY);
            };
        });
    }

    private ApiResponse mail(String fault, boolean active) {
        if (!unit.simulatedFaults().mailFaultsAllowed()) {
            return ApiResponse.error(HttpResponseStatus.CONFLICT, MAIL_NOT_EMBEDDED);
        }
        if (fault.equals("smtp")) {
            unit.simulatedFaults().setSmtpRefusing(active);
        } else {
            if (unit.health().mailbox().equals("off")) {
                return ApiResponse.error(HttpResponseStatus.CONFLICT, NO_MAILBOX);
            }
            unit.simulatedFaults().setMailboxRefusing(active);
        }
        return answer(fault, null, active);
    }

    private ApiResponse relay(String target, boolean active) {
        Matcher m = target == null ? null : OUTLET.matcher(target);
        if (m == null || !m.matches()) {
            return ApiResponse.error(HttpResponseStatus.BAD_REQUEST, BAD_BODY);
        }
        int number = Integer.parseInt(m.group(1));
        int outlet = Integer.parseInt(m.group(2));
        Optional<Integer> outlets = outletCount(number);
        if (outlets.isEmpty() || outlet > outlets.get()) {
            return ApiResponse.error(HttpResponseStatus.NOT_FOUND, NO_SUCH_POWERGATE);
        }
        Optional<PowerGate> gate = gate(number);
        if (gate.isEmpty() || !(gate.get() instanceof MockPowerGate mock)) {
            return ApiResponse.error(HttpResponseStatus.CONFLICT, NOT_MOCK_POWERGATE);
        }
        if (active) {
            mock.relay(outlet).stick();
        } else {
            mock.relay(outlet).free();
        }
        return answer("relay", target, active);
    }

    private ApiResponse serial(String target, boolean active) {
        if (target == null || !GATE.matcher(target).matches()) {
            return ApiResponse.error(HttpResponseStatus.BAD_REQUEST, BAD_BODY);
        }
        int number = Integer.parseInt(target);
        if (outletCount(number).isEmpty()) {
            return ApiResponse.error(HttpResponseStatus.NOT_FOUND, NO_SUCH_POWERGATE);
        }
        Optional<PowerGate> gate = gate(number);
        if (gate.isEmpty() || !(gate.get() instanceof MockPowerGate mock)) {
            return ApiResponse.error(HttpResponseStatus.CONFLICT, NOT_MOCK_POWERGATE);
        }
        mock.setSilent(active);
        return answer("serial", target, active);
    }

    private ApiResponse ping(String target, boolean active) {
        if (target == null || target.isEmpty()) {
            return ApiResponse.error(HttpResponseStatus.BAD_REQUEST, BAD_BODY);
        }
        Optional<SimulatedProbe> network = unit.simulatedProbe();
        if (network.isEmpty()) {
            return ApiResponse.error(HttpResponseStatus.CONFLICT, NETWORK_NOT_SIMULATED);
        }
        String address = unit.config().ipDevices().stream()
                .filter(d -> d.name().equals(target)).map(IpDeviceConfig::address).findFirst().orElse(target);
        Optional<Target> parsed = Target.parse(address);
        if (parsed.isEmpty()) {
            return ApiResponse.error(HttpResponseStatus.BAD_REQUEST, BAD_BODY);
        }
        network.get().setReachable(parsed.get().text(), !active);
        return answer("ping", target, active);
    }

    /** The outlet count of PowerGate {@code number}, built or not; empty when it is not configured. */
    private Optional<Integer> outletCount(int number) {
        return unit.config().powerGate(number).map(g -> g.outlets());
    }

    private Optional<PowerGate> gate(int number) {
        return Optional.ofNullable(unit.hardware().powergates().get(number));
    }

    private static ApiResponse answer(String fault, String target, boolean active) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("fault", fault);
        if (target != null) {
            answer.put("target", target);
        }
        answer.put("active", active);
        return ApiResponse.ok(answer);
    }
}
