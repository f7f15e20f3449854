package org.imssim.firmware.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The command mails the unit has read (SPEC §7, "Handling order and durability"), keyed by
 * Message-ID or, without one, the SHA-256 of the raw message. Obtained from
 * {@link Store#seenMessages()}; confined to the store thread, and every method blocks.
 *
 * <p>The order of handling a message: {@link #lookup} (a {@link State#SEEN} message is deleted
 * without a reply; one still {@link State#IN_PROGRESS} crashed an earlier run), {@link #markInProgress},
 * handle it, {@link #markSeenWithReplies} (its replies and the mark in one transaction), and only
 * then delete it from the mailbox. When a write method returns, its change is committed and synced.
 */
public final class SeenMessages {

    /** Where a message stands. */
    public enum State {
        /** Never marked. */
        UNKNOWN,
        /** Marked in progress and never marked seen: if found at start, it crashed the unit. */
        IN_PROGRESS,
        /** Handled; its replies are in the outbox. */
        SEEN
    }

    private final Store store;
    private final Outbox outbox;

    SeenMessages(Store store, Outbox outbox) {
        this.store = store;
        this.outbox = outbox;
    }

    /** Where the message with this key stands. */
    public State lookup(String key) {
        Objects.requireNonNull(key, "key");
        return store.read("The seen messages could not be read.", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT state FROM seen_message WHERE key = ?")) {
                select.setString(1, key);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? State.valueOf(rows.getString(1)) : State.UNKNOWN;
                }
            }
        });
    }

    /**
     * Marks the message in progress, before it is handled. A message already seen stays seen.
     *
     * @return true when it is now marked in progress, false when it was already seen
     */
    public boolean markInProgress(String key, Instant time) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(time, "time");
        return store.write("The message could not be marked in progress.", c -> {
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO seen_message (key, state, since_ms) "
                    + "VALUES (?, 'IN_PROGRESS', ?) ON CONFLICT (key) DO UPDATE SET since_ms = excluded.since_ms "
                    + "WHERE state = 'IN_PROGRESS'")) {
                upsert.setString(1, key);
                upsert.setLong(2, time.toEpochMilli());
                return upsert.executeUpdate() > 0;
            }
        });
    }

    /** Marks the message seen (handled, or deleted for a reason of its own), at {@code time}. */
    /**
     * Takes back the in-progress mark of a message that was not handled after all (the poll ended
     * before its turn): it is then unknown again, and read as new next time. A message seen is left
     * as it is.
     *
     * @return whether a mark was taken back
     */
    public boolean unmarkInProgress(String key) {
        Objects.requireNonNull(key, "key");
        return store.write("The message's mark could not be taken back.", c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM seen_message WHERE key = ? AND state = 'IN_PROGRESS'")) {
                delete.setString(1, key);
                return delete.executeUpdate() > 0;
            }
        });
    }

    public void markSeen(String key, Instant time) {
        markSeenWithReplies(key, time, List.of());
    }

    /**
     * Puts the message's replies into the outbox and marks it seen, in one transaction: after a crash
     * either both are stored or neither is, so a message is never answered twice nor left unanswered
     * once marked seen.
     *
     * @return the replies as stored in the outbox, in the given order
     * @throws StoreException when any of it fails (e.g. {@code DUPLICATE}: a reply's Message-ID is
     *                        already in the outbox); then nothing is stored and the message keeps its state
     */
    public List<StoredMail> markSeenWithReplies(String key, Instant time, List<NewMail> replies) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(time, "time");
        List<NewMail> mails = List.copyOf(replies);
        return store.write("The message could not be marked seen.", c -> {
            List<StoredMail> stored = new ArrayList<>(mails.size());
            for (NewMail mail : mails) {
                stored.add(outbox.insert(c, mail));
            }
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO seen_message (key, state, since_ms) "
                    + "VALUES (?, 'SEEN', ?) "
                    + "ON CONFLICT (key) DO UPDATE SET state = 'SEEN', since_ms = excluded.since_ms")) {
                upsert.setString(1, key);
                upsert.setLong(2, time.toEpochMilli());
                upsert.executeUpdate();
            }
            return List.copyOf(stored);
        });
    }

    /**
     * The keys still in progress, oldest first. Read at start: each crashed the unit while it was
     * handled (SPEC §7: deleted with the event {@code Could not handle message}).
     */
    public List<String> inProgress() {
        return store.read("The seen messages could not be read.", c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT key FROM seen_message WHERE state = 'IN_PROGRESS' ORDER BY since_ms, key");
                 ResultSet rows = select.executeQuery()) {
                List<String> keys = new ArrayList<>();
                while (rows.next()) {
                    keys.add(rows.getString(1));
                }
                return keys;
            }
        });
    }

    /**
     * Forgets the messages marked seen before {@code cutoff} (SPEC §7: kept 30 days). In-progress
     * marks are kept whatever their age: forgetting one would let a message that crashed the unit be
     * handled, and crash it, again.
     *
     * @return how many were forgotten
     */
    public int purgeSeenBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return store.write("Old seen messages could not be deleted.", c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM seen_message WHERE state = 'SEEN' AND since_ms < ?")) {
                delete.setLong(1, cutoff.toEpochMilli());
                return delete.executeUpdate();
            }
        });
    }
}
