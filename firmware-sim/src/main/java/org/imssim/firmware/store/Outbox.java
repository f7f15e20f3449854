package org.imssim.firmware.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The durable outbox (SPEC §6): every mail is stored here before it is sent and removed only after
 * the SMTP server accepted it. Obtained from {@link Store#outbox()}; confined to the store thread,
 * and every method blocks.
 *
 * <p>When a write method returns, its change is committed and synced: an enqueued mail survives a
 * crash with its Message-ID, a removed one is gone. Retry timing (5 s doubling to 5 minutes) and the
 * 24-hour limit are the caller's; this class stores their outcome.
 */
public final class Outbox {

    private static final String COLUMNS = "id, message_id, sender, recipient, subject, body, kind, created_ms, "
            + "failed_attempts, next_attempt_ms";

    private final Store store;

    Outbox(Store store) {
        this.store = store;
    }

    /**
     * Stores a mail, due at once ({@code nextAttempt = created}).
     *
     * @throws StoreException with reason {@code DUPLICATE} when a mail with that Message-ID is stored
     */
    public StoredMail enqueue(String messageId, String from, String to, String subject, String body,
                              Map<String, String> headers, String kind, Instant created) {
        return enqueue(new NewMail(messageId, from, to, subject, body, headers, kind, created));
    }

    /** As {@link #enqueue(String, String, String, String, String, Map, String, Instant)}. */
    public StoredMail enqueue(NewMail mail) {
        Objects.requireNonNull(mail, "mail");
        return store.write("The mail could not be stored in the outbox.", c -> insert(c, mail));
    }

    /**
     * The mails due at {@code now} (next attempt at or before it), oldest first (by creation, then
     * by id), at most {@code limit}.
     */
    public List<StoredMail> due(Instant now, int limit) {
        Objects.requireNonNull(now, "now");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        return store.read("The outbox could not be read.", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM outbox WHERE next_attempt_ms <= ? ORDER BY created_ms, id LIMIT ?")) {
                select.setLong(1, now.toEpochMilli());
                select.setInt(2, limit);
                return mails(c, select);
            }
        });
    }

    /** The mail with this id, if it is still in the outbox. */
    public Optional<StoredMail> find(long id) {
        return store.read("The outbox could not be read.", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE id = ?")) {
                select.setLong(1, id);
                return mails(c, select).stream().findFirst();
            }
        });
    }

    /**
     * Records a failed delivery attempt: one more failed attempt, next due at {@code nextAttempt}.
     *
     * @return the failed attempts now counted, or empty when the mail is no longer in the outbox
     */
    public OptionalInt recordFailure(long id, Instant nextAttempt) {
        Objects.requireNonNull(nextAttempt, "nextAttempt");
        return store.write("The failed delivery could not be recorded in the outbox.", c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE outbox SET failed_attempts = "
                    + "failed_attempts + 1, next_attempt_ms = ? WHERE id = ? RETURNING failed_attempts")) {
                update.setLong(1, nextAttempt.toEpochMilli());
                update.setLong(2, id);
                try (ResultSet rows = update.executeQuery()) {
                    return rows.next() ? OptionalInt.of(rows.getInt(1)) : OptionalInt.empty();
                }
            }
        });
    }

    /**
     * Removes a mail once the server accepted it.
     *
     * @return false when it was no longer in the outbox (dropped or removed before)
     */
    public boolean remove(long id) {
        return store.write("The delivered mail could not be removed from the outbox.", c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM outbox WHERE id = ?")) {
                delete.setLong(1, id);
                return delete.executeUpdate() > 0;
            }
        });
    }

    /** How many mails are waiting. */
    public int pending() {
        return store.read("The outbox could not be read.", c -> {
            try (Statement statement = c.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT count(*) FROM outbox")) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    /** When the oldest waiting mail was created; empty when the outbox is empty. */
    public Optional<Instant> oldestCreated() {
        return instant("SELECT min(created_ms) FROM outbox");
    }

    /** When the next mail is due (it may be in the past); empty when the outbox is empty. */
    public Optional<Instant> nextDue() {
        return instant("SELECT min(next_attempt_ms) FROM outbox");
    }

    /**
     * Drops, in one transaction, every mail created before {@code cutoff} (SPEC §6: 24 hours).
     *
     * @return the dropped mails, oldest first, so the caller records {@code Mail dropped: <subject>}
     */
    public List<StoredMail> dropOlderThan(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return store.write("Old mails could not be dropped from the outbox.", c -> {
            List<StoredMail> dropped;
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM outbox WHERE created_ms < ? ORDER BY created_ms, id")) {
                select.setLong(1, cutoff.toEpochMilli());
                dropped = mails(c, select);
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM outbox WHERE id = ?")) {
                for (StoredMail mail : dropped) {
                    delete.setLong(1, mail.id());
                    delete.addBatch();
                }
                delete.executeBatch();
            }
            return dropped;
        });
    }

    // ---- within a transaction of the store ------------------------------------------------------

    /** Inserts the mail and its headers; the caller holds the transaction. */
    StoredMail insert(Connection c, NewMail mail) throws SQLException {
        long id;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO outbox (message_id, sender, recipient, "
                + "subject, body, kind, created_ms, next_attempt_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            insert.setString(1, mail.messageId());
            insert.setString(2, mail.from());
            insert.setString(3, mail.to());
            insert.setString(4, mail.subject());
            insert.setString(5, mail.body());
            insert.setString(6, mail.kind());
            insert.setLong(7, mail.created().toEpochMilli());
            insert.setLong(8, mail.created().toEpochMilli());
            try (ResultSet keys = insert.executeQuery()) {
                keys.next();
                id = keys.getLong(1);
            }
        } catch (SQLException e) {
            if (Store.isDuplicate(e)) {
                throw new StoreException(StoreException.Reason.DUPLICATE,
                        "The outbox already holds a mail with Message-ID " + mail.messageId() + ".", e);
            }
            throw e;
        }
        if (!mail.headers().isEmpty()) {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO outbox_header (mail_id, position, name, value) VALUES (?, ?, ?, ?)")) {
                int position = 0;
                for (Map.Entry<String, String> header : mail.headers().entrySet()) {
                    insert.setLong(1, id);
                    insert.setInt(2, position++);
                    insert.setString(3, header.getKey());
                    insert.setString(4, header.getValue());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        Instant created = Instant.ofEpochMilli(mail.created().toEpochMilli());
        return new StoredMail(id, mail.messageId(), mail.from(), mail.to(), mail.subject(), mail.body(),
                mail.headers(), mail.kind(), created, 0, created);
    }

    // ---- reading --------------------------------------------------------------------------------

    private Optional<Instant> instant(String sql) {
        return store.read("The outbox could not be read.", c -> {
            try (Statement statement = c.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                rows.next();
                long millis = rows.getLong(1);
                return rows.wasNull() ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(millis));
            }
        });
    }

    private static List<StoredMail> mails(Connection c, PreparedStatement select) throws SQLException {
        List<StoredMail> mails = new ArrayList<>();
        try (ResultSet rows = select.executeQuery();
             PreparedStatement headers = c.prepareStatement(
                     "SELECT name, value FROM outbox_header WHERE mail_id = ? ORDER BY position")) {
            while (rows.next()) {
                long id = rows.getLong(1);
                headers.setLong(1, id);
                Map<String, String> headerMap = new LinkedHashMap<>();
                try (ResultSet headerRows = headers.executeQuery()) {
                    while (headerRows.next()) {
                        headerMap.put(headerRows.getString(1), headerRows.getString(2));
                    }
                }
                mails.add(new StoredMail(id, rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getString(5), rows.getString(6), headerMap, rows.getString(7),
                        Instant.ofEpochMilli(rows.getLong(8)), rows.getInt(9), Instant.ofEpochMilli(rows.getLong(10))));
            }
        }
        return mails;
    }
}
