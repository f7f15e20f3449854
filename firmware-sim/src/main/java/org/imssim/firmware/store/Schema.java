package org.imssim.firmware.store;

import java.util.List;

/**
 * The schema of {@code imssim.db}: the migrations from an empty file, in order.
 *
 * <p>Times are stored as epoch milliseconds (INTEGER), so everything read back is truncated to the
 * millisecond. Tables are STRICT, so a wrong type is refused rather than stored.
 */
final class Schema {

    /** {@code PRAGMA application_id}: "IMSS", so a database of another program is recognised. */
    static final int APPLICATION_ID = 0x494D5353;

    static final List<Migration> MIGRATIONS = List.of(
            new SqlMigration(1, "event history, outbox, seen messages, outlet states, open occurrences", List.of(
                    """
                    CREATE TABLE event (
                        id      INTEGER PRIMARY KEY AUTOINCREMENT,
                        time_ms INTEGER NOT NULL,
                        unit    TEXT NOT NULL,
                        source  TEXT NOT NULL,
                        text    TEXT NOT NULL
                    ) STRICT""",
                    "CREATE INDEX event_by_time ON event (time_ms)",
                    // AUTOINCREMENT: an id is never reused, so a late remove(id) for a dropped mail
                    // can never remove a newer one.
                    """
                    CREATE TABLE outbox (
                        id              INTEGER PRIMARY KEY AUTOINCREMENT,
                        message_id      TEXT NOT NULL UNIQUE,
                        sender          TEXT NOT NULL,
                        recipient       TEXT NOT NULL,
                        subject         TEXT NOT NULL,
                        body            TEXT NOT NULL,
                        kind            TEXT NOT NULL,
                        created_ms      INTEGER NOT NULL,
                        failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
                        next_attempt_ms INTEGER NOT NULL
                    ) STRICT""",
                    "CREATE INDEX outbox_by_next_attempt ON outbox (next_attempt_ms)",
                    "CREATE INDEX outbox_by_created ON outbox (created_ms)",
                    """
                    CREATE TABLE outbox_header (
                        mail_id  INTEGER NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        name     TEXT NOT NULL,
                        value    TEXT NOT NULL,
                        PRIMARY KEY (mail_id, position)
                    ) STRICT, WITHOUT ROWID""",
                    """
                    CREATE TABLE seen_message (
                        key      TEXT PRIMARY KEY,
                        state    TEXT NOT NULL CHECK (state IN ('IN_PROGRESS', 'SEEN')),
                        since_ms INTEGER NOT NULL
                    ) STRICT, WITHOUT ROWID""",
                    "CREATE INDEX seen_message_by_state ON seen_message (state, since_ms)",
                    """
                    CREATE TABLE outlet_state (
                        powergate  INTEGER NOT NULL,
                        outlet     INTEGER NOT NULL,
                        state      TEXT NOT NULL,
                        changed_ms INTEGER NOT NULL,
                        PRIMARY KEY (powergate, outlet)
                    ) STRICT, WITHOUT ROWID""",
                    // Closed occurrences are deleted, so UNIQUE (code) is "unique among open occurrences".
                    """
                    CREATE TABLE occurrence (
                        id              TEXT PRIMARY KEY,
                        address         TEXT NOT NULL,
                        code            TEXT NOT NULL UNIQUE
                                        CHECK (length(code) = 8 AND code NOT GLOB '*[^0-9]*'),
                        state           TEXT NOT NULL,
                        round           INTEGER NOT NULL CHECK (round >= 0),
                        next_round_ms   INTEGER,
                        alarm_class     TEXT NOT NULL,
                        condition       TEXT NOT NULL,
                        opened_ms       INTEGER NOT NULL,
                        acknowledged_by TEXT,
                        extras          TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(extras))
                    ) STRICT, WITHOUT ROWID""",
                    "CREATE INDEX occurrence_by_address ON occurrence (address)",
                    "PRAGMA application_id = " + APPLICATION_ID)),
            // One row, rewritten by a synced commit to make the commits before it durable when
            // nothing else needs writing (StoreWorker.callSyncingAll).
            new SqlMigration(2, "sync mark", List.of(
                    """
                    CREATE TABLE sync_mark (
                        id    INTEGER PRIMARY KEY CHECK (id = 1),
                        count INTEGER NOT NULL
                    ) STRICT""")));

    private Schema() {
    }

    /** The newest version this build knows. */
    static int knownVersion(List<Migration> migrations) {
        return migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
    }

    /** Checks the steps are numbered 1, 2, 3, … (a programming error otherwise). */
    static void checkNumbering(List<Migration> migrations) {
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new IllegalStateException("migration " + i + " has version "
                        + migrations.get(i).version() + ", expected " + (i + 1));
            }
        }
    }
}
