package org.imssim.firmware.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The open alarm occurrences (SPEC §4), stored so they resume after a restart. Obtained from
 * {@link Store#occurrences()}; confined to the store thread, and every method blocks.
 *
 * <p>A closed occurrence is deleted, so its code is free again. When a write method returns, its
 * change is committed and synced. Minimal on purpose: the alarm engine may extend the table with a
 * migration, or keep what it needs in {@link StoredOccurrence#extras()}.
 */
public final class Occurrences {

    private static final String COLUMNS = "id, address, code, state, round, next_round_ms, alarm_class, condition, "
            + "opened_ms, acknowledged_by, extras";

    private final Store store;

    Occurrences(Store store) {
        this.store = store;
    }

    /**
     * Stores the occurrence, replacing the one with the same id.
     *
     * @throws StoreException with reason {@code DUPLICATE} when another open occurrence has its code;
     *                        {@code FAILED} when {@code extras} is not JSON
     */
    public void save(StoredOccurrence occurrence) {
        Objects.requireNonNull(occurrence, "occurrence");
        store.write("The alarm occurrence could not be stored.", c -> {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO occurrence (" + COLUMNS + ") "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                    + "address = excluded.address, code = excluded.code, state = excluded.state, "
                    + "round = excluded.round, next_round_ms = excluded.next_round_ms, "
                    + "alarm_class = excluded.alarm_class, condition = excluded.condition, "
                    + "opened_ms = excluded.opened_ms, acknowledged_by = excluded.acknowledged_by, "
                    + "extras = excluded.extras")) {
                upsert.setString(1, occurrence.id());
                upsert.setString(2, occurrence.address());
                upsert.setString(3, occurrence.code());
                upsert.setString(4, occurrence.state());
                upsert.setInt(5, occurrence.round());
                if (occurrence.nextRound() == null) {
                    upsert.setNull(6, Types.INTEGER);
                } else {
                    upsert.setLong(6, occurrence.nextRound().toEpochMilli());
                }
                upsert.setString(7, occurrence.alarmClass());
                upsert.setString(8, occurrence.condition());
                upsert.setLong(9, occurrence.openedAt().toEpochMilli());
                upsert.setString(10, occurrence.acknowledgedBy());
                upsert.setString(11, occurrence.extras());
                upsert.executeUpdate();
                return null;
            } catch (SQLException e) {
                if (Store.isDuplicate(e)) {
                    throw new StoreException(StoreException.Reason.DUPLICATE, "Acknowledgment code "
                            + occurrence.code() + " is already used by an open occurrence.", e);
                }
                throw e;
            }
        });
    }

    /** The open occurrences, oldest first. */
    public List<StoredOccurrence> open() {
        return store.read("The alarm occurrences could not be read.", c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM occurrence ORDER BY opened_ms, id");
                 ResultSet rows = select.executeQuery()) {
                List<StoredOccurrence> occurrences = new ArrayList<>();
                while (rows.next()) {
                    long nextRound = rows.getLong(6);
                    Instant next = rows.wasNull() ? null : Instant.ofEpochMilli(nextRound);
                    occurrences.add(new StoredOccurrence(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getInt(5), next, rows.getString(7), rows.getString(8),
                            Instant.ofEpochMilli(rows.getLong(9)), rows.getString(10), rows.getString(11)));
                }
                return occurrences;
            }
        });
    }

    /**
     * Closes (deletes) the occurrence; its code is free from now on.
     *
     * @return false when no open occurrence has this id
     */
    public boolean close(String id) {
        Objects.requireNonNull(id, "id");
        return store.write("The alarm occurrence could not be closed.", c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM occurrence WHERE id = ?")) {
                delete.setString(1, id);
                return delete.executeUpdate() > 0;
            }
        });
    }

    /** True when an open occurrence has this acknowledgment code. */
    public boolean isCodeInUse(String code) {
        Objects.requireNonNull(code, "code");
        return store.read("The alarm occurrences could not be read.", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM occurrence WHERE code = ?")) {
                select.setString(1, code);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }
}
