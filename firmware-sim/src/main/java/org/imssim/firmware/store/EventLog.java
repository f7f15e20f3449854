package org.imssim.firmware.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The durable event history (SPEC §8). Obtained from {@link Store#events()}; confined to the store
 * thread like the store, and every method blocks.
 *
 * <p>When {@link #append} returns, the event is committed and synced. Texts are stored as given: the
 * caller makes sure they are contract texts and never hold a secret.
 */
public final class EventLog {

    private final Store store;

    EventLog(Store store) {
        this.store = store;
    }

    /**
     * Stores one event; {@code time} is kept to the millisecond.
     *
     * @return its id, larger than every id appended before
     */
    public long append(Instant time, String unit, String source, String text) {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        return store.write("The event could not be stored.", c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO event (time_ms, unit, source, text) VALUES (?, ?, ?, ?) RETURNING id")) {
                insert.setLong(1, time.toEpochMilli());
                insert.setString(2, unit);
                insert.setString(3, source);
                insert.setString(4, text);
                try (ResultSet keys = insert.executeQuery()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /**
     * The newest {@code limit} events, newest first: in the reverse of the order they were appended
     * (which is the order things happened even if the wall clock stepped back).
     */
    public List<StoredEvent> newest(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        return store.read("The event history could not be read.", c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT id, time_ms, unit, source, text FROM event ORDER BY id DESC LIMIT ?")) {
                select.setInt(1, limit);
                try (ResultSet rows = select.executeQuery()) {
                    List<StoredEvent> events = new ArrayList<>();
                    while (rows.next()) {
                        events.add(new StoredEvent(rows.getLong(1), Instant.ofEpochMilli(rows.getLong(2)),
                                rows.getString(3), rows.getString(4), rows.getString(5)));
                    }
                    return events;
                }
            }
        });
    }

    /**
     * Deletes the events whose time is before {@code cutoff} (retention, default 90 days).
     *
     * @return how many were deleted
     */
    public int purgeOlderThan(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return store.write("Old events could not be deleted.", c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM event WHERE time_ms < ?")) {
                delete.setLong(1, cutoff.toEpochMilli());
                return delete.executeUpdate();
            }
        });
    }

    /** How many events are stored. */
    public long count() {
        return store.read("The event history could not be read.", c -> {
            try (Statement statement = c.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT count(*) FROM event")) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }
}
