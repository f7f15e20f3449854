package org.imssim.firmware.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The outlets' commanded states (SPEC §11: {@code power-up: last} restores them). Obtained from
 * {@link Store#outletStates()}; confined to the store thread, and every method blocks.
 *
 * <p>The caller stores a state before the relay moves; when {@link #store} returns it is committed
 * and synced, so after a crash the stored state is never behind the relay.
 */
public final class OutletStates {

    private final Store store;

    OutletStates(Store store) {
        this.store = store;
    }

    /** Stores the commanded state of one outlet, replacing the one stored before. */
    public void store(int powergate, int outlet, String state, Instant time) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(time, "time");
        store.write("The outlet's commanded state could not be stored.", c -> {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO outlet_state (powergate, outlet, state, "
                    + "changed_ms) VALUES (?, ?, ?, ?) ON CONFLICT (powergate, outlet) "
                    + "DO UPDATE SET state = excluded.state, changed_ms = excluded.changed_ms")) {
                upsert.setInt(1, powergate);
                upsert.setInt(2, outlet);
                upsert.setString(3, state);
                upsert.setLong(4, time.toEpochMilli());
                upsert.executeUpdate();
                return null;
            }
        });
    }

    /** Every stored commanded state, by PowerGate then outlet. Outlets never commanded are absent. */
    public SortedMap<OutletAddress, CommandedState> load() {
        return store.read("The outlets' commanded states could not be read.", c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT powergate, outlet, state, changed_ms FROM outlet_state ORDER BY powergate, outlet");
                 ResultSet rows = select.executeQuery()) {
                SortedMap<OutletAddress, CommandedState> states = new TreeMap<>();
                while (rows.next()) {
                    states.put(new OutletAddress(rows.getInt(1), rows.getInt(2)),
                            new CommandedState(rows.getString(3), Instant.ofEpochMilli(rows.getLong(4))));
                }
                return Collections.unmodifiableSortedMap(states);
            }
        });
    }
}
