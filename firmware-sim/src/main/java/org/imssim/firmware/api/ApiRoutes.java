package org.imssim.firmware.api;

import io.netty.handler.codec.http.HttpMethod;
import org.imssim.firmware.UnitFirmware;
import org.imssim.firmware.web.Router;

/** The calls of the HTTP API (SPEC §13) for one unit. */
public final class ApiRoutes {

    private ApiRoutes() {
    }

    public static Router of(UnitFirmware unit) {
        return new Router()
                .addOpen(HttpMethod.GET, "/api/health", new HealthCall(unit))
                .add(HttpMethod.GET, "/", new ConsoleCall(unit))
                .add(HttpMethod.GET, "/api/status", new StatusCall(unit))
                .add(HttpMethod.GET, "/api/events", new EventsCall(unit))
                .add(HttpMethod.POST, "/api/powergates/{n}/outlets/{m}", new OutletCall(unit))
                .add(HttpMethod.POST, "/api/alarms/{unit}/{channel}/ack", new AlarmAckCall(unit))
                .add(HttpMethod.POST, "/api/alarms/{unit}/{channel}/reset-min-max", new ResetMinMaxCall(unit))
                .add(HttpMethod.POST, "/api/sim/inputs/{unit}/{channel}", new SimInputCall(unit))
                .add(HttpMethod.POST, "/api/sim/faults", new SimFaultCall(unit));
    }
}
