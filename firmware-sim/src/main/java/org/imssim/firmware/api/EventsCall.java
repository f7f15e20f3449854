package org.imssim.firmware.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.imssim.firmware.UnitFirmware;
import org.imssim.firmware.event.Event;
import org.imssim.firmware.web.ApiCall;
import org.imssim.firmware.web.ApiHandler;
import org.imssim.firmware.web.ApiResponse;

/**
 * {@code GET /api/events?limit=N}: the newest events first, 50 by default, at most 1000, times
 * in {@code unit.time-zone} with their offset. Events of units the caller may not see are left out
 * (looked for among the newest 1000).
 */
final class EventsCall implements ApiHandler {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;
    static final String BAD_LIMIT = "limit must be a whole number from 1 to 1000.";

    /** One event as the API shows it. */
    record EventView(String time, String unit, String source, String text) {
    }

    private final UnitFirmware unit;

    EventsCall(UnitFirmware unit) {
        this.unit = unit;
    }

    @Override
    public CompletionStage<ApiResponse> handle(ApiCall call) {
        int limit;
        try {
            limit = call.queryParam("limit").map(Integer::parseInt).orElse(DEFAULT_LIMIT);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            return CompletableFuture.completedFuture(ApiResponse.error(HttpResponseStatus.BAD_REQUEST, BAD_LIMIT));
        }
        int wanted = limit;
        ZoneId zone = unit.config().unit().timeZone();
        return unit.onLoop(() -> Caller.of(unit, call))
                .thenCompose(permissions -> unit.onLoop(() -> unit.events().newest(MAX_LIMIT))
                        .thenCompose(stage -> stage)
                        .thenApply(events -> {
                            if (permissions.isEmpty()) {
                                return Caller.gone();
                            }
                            List<EventView> views = events.stream()
                                    .filter(e -> permissions.get().seesUnit(e.unit()))
                                    .limit(wanted)
                                    .map(e -> view(e, zone))
                                    .toList();
                            return ApiResponse.ok(views);
                        }));
    }

    private static EventView view(Event e, ZoneId zone) {
        return new EventView(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(e.time().atZone(zone)), e.unit(),
                e.source().word(), e.text());
    }
}
