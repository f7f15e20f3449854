package org.imssim.firmware.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Run in a child JVM by {@link CrashTest}: writes to a store, then dies with {@link Runtime#halt}
 * (no close, no shutdown hooks, no finalisers), the last time in the middle of a transaction.
 */
final class CrashingUnit {

    static final int EXIT = 42;
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private CrashingUnit() {
    }

    public static void main(String[] args) {
        Store store = Store.open(Path.of(args[0]));
        store.events().append(T0, "host", "system", "Unit started");
        store.outbox().enqueue("<alarm@unit>", "unit@example.com", "ann@example.com",
                "IMS-4000 ALARM: Lab - Freezer - High", "body", Map.of("Auto-Submitted", "auto-generated"),
                "alarm", T0);
        store.seenMessages().markInProgress("<crashed@client>", T0);
        store.seenMessages().markInProgress("<q@client>", T0);
        store.seenMessages().markSeenWithReplies("<q@client>", T0, List.of(new NewMail("<reply@unit>",
                "unit@example.com", "ann@example.com", "Re: ims4000", "Status", Map.of(), "reply", T0)));
        store.outletStates().store(1, 2, "OFF", T0);
        store.occurrences().save(new StoredOccurrence("occ-1", "host/3", "12345678", "ALARM_UNACKED", 1,
                T0.plusSeconds(60), "Critical", "High", T0, null, "{}"));
        store.inTransaction(() -> {
            store.events().append(T0, "host", "system", "never committed");
            store.outbox().enqueue("<half@unit>", "unit@example.com", "ann@example.com", "half", "body",
                    Map.of(), "alarm", T0);
            Runtime.getRuntime().halt(EXIT);
        });
    }
}
