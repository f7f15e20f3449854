package org.imssim.firmware.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The unit's durable storage: one SQLite file, {@code imssim.db}, in the unit's storage directory,
 * holding the event history, the outbox, the seen messages, the outlets' commanded states and the
 * open alarm occurrences. Each of those is a repository obtained from here.
 *
 * <p><b>Threads.</b> A store and its repositories are confined to one thread: the unit's store
 * thread, never the event loop. Every method blocks on disk I/O. A store is not thread-safe; it may
 * be opened on one thread and handed to another only through a hand-off that publishes it safely (an
 * executor submission does).
 *
 * <p><b>Durability.</b> The file is in WAL mode with {@code synchronous=FULL}: when a write method
 * returns, its transaction is committed and synced to disk, and survives a crash of the process or a
 * power cut (unless {@link #syncCommits} says otherwise for a while). A write that throws stored
 * nothing. Several writes that must stand or fall together go in one {@link #inTransaction(Supplier)}.
 *
 * <p><b>Schema.</b> {@code PRAGMA user_version} is the schema version; opening applies the missing
 * migrations in order, each in one transaction. A file from a newer imssim is refused, not touched.
 *
 * <p><b>Errors.</b> Every failure is a {@link StoreException} whose message is a fixed sentence for
 * the operator; SQLite's own text is logged at debug only.
 */
public final class Store implements AutoCloseable {

    /** The database file's name inside the storage directory. */
    public static final String FILE_NAME = "imssim.db";

    private static final Logger log = LoggerFactory.getLogger(Store.class);
    private static final int BUSY_TIMEOUT_MILLIS = 5_000;

    private final Path dir;
    private final Path file;
    /** The connection, its prepared statements kept ({@link StatementCache}). */
    private final Connection connection;
    private final StatementCache statements;
    private final EventLog events;
    private final Outbox outbox;
    private final SeenMessages seenMessages;
    private final OutletStates outletStates;
    private final Occurrences occurrences;
    private int transactionDepth;
    private boolean closed;

    private Store(Path dir, Path file, Connection connection) {
        this.dir = dir;
        this.file = file;
        this.statements = new StatementCache(connection);
        this.connection = statements.connection();
        this.events = new EventLog(this);
        this.outbox = new Outbox(this);
        this.seenMessages = new SeenMessages(this, outbox);
        this.outletStates = new OutletStates(this);
        this.occurrences = new Occurrences(this);
    }

    /**
     * Opens the store in {@code dir}, creating the directory and the file when missing and bringing
     * the schema up to date. Blocks.
     *
     * @throws StoreException with a sentence naming the directory or file: not writable, written by a
     *                        newer imssim, not an imssim database or damaged, in use, disk full
     */
    public static Store open(Path dir) {
        return open(dir, Schema.MIGRATIONS);
    }

    static Store open(Path dir, List<Migration> migrations) {
        Schema.checkNumbering(migrations);
        Path file = dir.resolve(FILE_NAME);
        prepareDirectory(dir, file);
        Connection connection = connect(dir, file);
        try {
            // Check what the file is before changing it: a refused file is left as it was.
            int version = checkOwnership(connection, file, migrations);
            configure(connection, file);
            migrate(connection, file, migrations, version);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw openFailure(dir, file, e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
        return new Store(dir, file, connection);
    }

    /** The event history. */
    public EventLog events() {
        return events;
    }

    /** The outbox of mails not yet accepted by the SMTP server. */
    public Outbox outbox() {
        return outbox;
    }

    /** The seen and in-progress command mails. */
    public SeenMessages seenMessages() {
        return seenMessages;
    }

    /** The outlets' commanded states. */
    public OutletStates outletStates() {
        return outletStates;
    }

    /** The open alarm occurrences. */
    public Occurrences occurrences() {
        return occurrences;
    }

    /** The storage directory, as given to {@link #open(Path)}. */
    public Path directory() {
        return dir;
    }

    /**
     * Runs {@code work} as one transaction: the repository writes it makes are all stored, or, when it
     * throws, none is (the exception is rethrown). A call inside another joins it. When this returns,
     * everything written is committed, and synced unless {@link #syncCommits} said otherwise.
     *
     * <p>Let a {@link StoreException} from a write inside {@code work} propagate: caught and ignored,
     * the transaction would commit without that write.
     */
    public <T> T inTransaction(Supplier<T> work) {
        return write("The change could not be stored.", c -> work.get());
    }

    /** As {@link #inTransaction(Supplier)}, for work without a result. */
    public void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs {@code work} inside the current transaction as a part of it that can fail alone: when
     * {@code work} throws, its writes are undone (to a savepoint) and the exception is rethrown, while
     * the writes made before it stay in the transaction. Only inside {@link #inTransaction}.
     *
     * @throws TransactionLost when SQLite undid the whole transaction itself (as it does on a full
     *                         disk or an I/O error): nothing written in it since it began is left
     * @throws IllegalStateException when no transaction is open
     */
    <T> T inSavepoint(Supplier<T> work) {
        checkOpen();
        if (transactionDepth == 0) {
            throw new IllegalStateException("A savepoint needs an open transaction.");
        }
        try {
            execute("SAVEPOINT part");
        } catch (SQLException e) {
            throw new TransactionLost(failure("The change could not be stored.", e));
        }
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            try {
                execute("ROLLBACK TO part");
                execute("RELEASE part");
            } catch (SQLException lost) {
                // SQLite undid the transaction because of what work met (a full disk, say): that is
                // the reason to give, not the missing savepoint.
                TransactionLost gone = new TransactionLost(e instanceof StoreException reason
                        ? reason : failure("The change could not be stored.", lost));
                gone.addSuppressed(lost);
                throw gone;
            }
            throw e;
        }
        try {
            execute("RELEASE part");
        } catch (SQLException e) {
            throw new TransactionLost(failure("The change could not be stored.", e));
        }
        return result;
    }

    /**
     * The transaction of an {@link #inSavepoint} is gone: SQLite rolled it back. The cause says why
     * in the operator's words.
     */
    static final class TransactionLost extends RuntimeException {
        TransactionLost(StoreException cause) {
            super(cause.getMessage(), cause, false, false);
        }

        /** The failure in the operator's words. */
        StoreException reason() {
            return (StoreException) getCause();
        }
    }

    /**
     * Whether the commits from here on are synced to disk (the default) or only written to the
     * file's log ({@code synchronous=NORMAL}): such a commit survives a crash of the process, and a
     * power cut only once a synced commit has followed it. For writes whose loss on a power cut
     * costs nothing but repeating work, never for what the unit acknowledged. Not inside a
     * transaction.
     */
    void syncCommits(boolean sync) {
        checkOpen();
        if (transactionDepth > 0) {
            throw new IllegalStateException("The sync of commits is not changed inside a transaction.");
        }
        try {
            execute(sync ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
        } catch (SQLException e) {
            throw failure("The change could not be stored.", e);
        }
    }

    /**
     * Rewrites the sync mark: a write that costs one row, for a synced commit that has nothing else
     * to write but must make the unsynced commits before it durable. Inside a transaction or alone.
     */
    void writeSyncMark() {
        write("The change could not be stored.", c -> {
            try (PreparedStatement statement = c.prepareStatement(
                    "INSERT INTO sync_mark (id, count) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET count = count + 1")) {
                statement.executeUpdate();
            }
            return null;
        });
    }

    /** Whether the file is in WAL mode (it falls back to a rollback journal where WAL cannot work). */
    boolean inWalMode() {
        return read("The store could not be read.", c -> {
            try (PreparedStatement statement = c.prepareStatement("PRAGMA journal_mode");
                 ResultSet row = statement.executeQuery()) {
                return "wal".equalsIgnoreCase(row.getString(1));
            }
        });
    }

    /** How many rows this connection has changed since it opened (SQLite's {@code total_changes()}). */
    long totalChanges() {
        return read("The store could not be read.", c -> {
            try (PreparedStatement statement = c.prepareStatement("SELECT total_changes()");
                 ResultSet row = statement.executeQuery()) {
                return row.getLong(1);
            }
        });
    }

    /** Closes the file; idempotent. What was committed stays committed. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA optimize");
        } catch (SQLException e) {
            log.debug("PRAGMA optimize on {} failed", file, e);
        }
        statements.close();
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("Closing {} failed", file, e);
        }
    }

    // ---- for the repositories -------------------------------------------------------------------

    /** A piece of JDBC work. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs a read; {@code failure} is the sentence when it fails. */
    <T> T read(String failure, SqlWork<T> work) {
        checkOpen();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(failure, e);
        }
    }

    /**
     * Runs a write in a transaction, or inside the current one. The outermost commit is synced before
     * this returns; any exception rolls the outermost transaction back.
     */
    <T> T write(String failure, SqlWork<T> work) {
        checkOpen();
        if (transactionDepth > 0) {
            transactionDepth++;
            try {
                return work.run(connection);
            } catch (SQLException e) {
                throw failure(failure, e);
            } finally {
                transactionDepth--;
            }
        }
        try {
            execute("BEGIN IMMEDIATE");
        } catch (SQLException e) {
            throw failure(failure, e);
        }
        transactionDepth = 1;
        try {
            T result = work.run(connection);
            execute("COMMIT");
            return result;
        } catch (SQLException e) {
            rollback();
            throw failure(failure, e);
        } catch (RuntimeException | Error e) {
            rollback();
            throw e;
        } finally {
            transactionDepth = 0;
        }
    }

    /** The sentence for a failed read or write, by SQLite's result code. */
    StoreException failure(String sentence, SQLException e) {
        log.debug("{} ({})", sentence, file, e);
        return switch (primaryCode(e)) {
            case 13 /* FULL */ -> new StoreException(StoreException.Reason.DISK_FULL, diskFull(dir), e);
            case 8 /* READONLY */, 3 /* PERM */ ->
                    new StoreException(StoreException.Reason.NOT_WRITABLE, notWritable(dir), e);
            case 11 /* CORRUPT */, 26 /* NOTADB */ ->
                    new StoreException(StoreException.Reason.NOT_A_DATABASE, notADatabase(file), e);
            case 5 /* BUSY */, 6 /* LOCKED */ -> new StoreException(StoreException.Reason.IN_USE, inUse(file), e);
            default -> new StoreException(StoreException.Reason.FAILED, sentence, e);
        };
    }

    /** True when {@code e} is a UNIQUE or PRIMARY KEY violation. */
    static boolean isDuplicate(SQLException e) {
        SQLiteErrorCode code = resultCode(e);
        return code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE || code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY;
    }

    /** For tests and measurements in this package only. */
    Connection connection() {
        return connection;
    }

    // ---- opening --------------------------------------------------------------------------------

    private static void prepareDirectory(Path dir, Path file) {
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            log.debug("Creating the storage directory {} failed", dir, e);
            throw new StoreException(StoreException.Reason.NOT_WRITABLE, notWritable(dir), e);
        }
        // Files.isWritable is true for root on a read-only directory; SQLite's own failure to create
        // the file, its journal or its WAL is mapped to the same sentence below.
        if (!Files.isWritable(dir) || Files.exists(file) && !Files.isDirectory(file) && !Files.isWritable(file)) {
            throw new StoreException(StoreException.Reason.NOT_WRITABLE, notWritable(dir));
        }
        if (Files.isDirectory(file)) {
            throw new StoreException(StoreException.Reason.NOT_A_DATABASE, notADatabase(file));
        }
    }

    private static Connection connect(Path dir, Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.enforceForeignKeys(true);
        try {
            return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        } catch (SQLException e) {
            throw openFailure(dir, file, e);
        }
    }

    private static void configure(Connection connection, Path file) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            String mode = queryString(statement, "PRAGMA journal_mode = WAL");
            if (!"wal".equalsIgnoreCase(mode)) {
                // E.g. a file system without shared memory; the rollback journal is as durable, slower.
                log.warn("Storage {} cannot use WAL mode, using {} instead", file, mode);
            }
            statement.execute("PRAGMA synchronous = FULL");
            statement.execute("PRAGMA foreign_keys = ON");
            statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
        }
    }

    /** The file's schema version, after making sure the file is ours and not from a newer imssim. */
    private static int checkOwnership(Connection connection, Path file, List<Migration> migrations)
            throws SQLException {
        int known = Schema.knownVersion(migrations);
        int version;
        int applicationId;
        boolean hasTables;
        try (Statement statement = connection.createStatement()) {
            // The first statements that read the file: a file that is no database fails here.
            version = queryInt(statement, "PRAGMA user_version");
            applicationId = queryInt(statement, "PRAGMA application_id");
            hasTables = queryInt(statement, "SELECT count(*) FROM sqlite_schema") > 0;
        }
        boolean foreign = applicationId != 0 && applicationId != Schema.APPLICATION_ID
                || applicationId == 0 && version == 0 && hasTables;
        if (foreign) {
            throw new StoreException(StoreException.Reason.NOT_A_DATABASE, notADatabase(file));
        }
        if (version > known) {
            throw new StoreException(StoreException.Reason.NEWER_SCHEMA,
                    file + " was written by a newer imssim (schema " + version + ", this one knows " + known
                            + "); use that version or another storage.dir.");
        }
        return version;
    }

    /** Applies the steps after {@code version}, each in its own transaction with its version number. */
    private static void migrate(Connection connection, Path file, List<Migration> migrations, int version)
            throws SQLException {
        for (Migration migration : migrations.subList(version, migrations.size())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("BEGIN IMMEDIATE");
                try {
                    if (queryInt(statement, "PRAGMA user_version") >= migration.version()) {
                        // Another process opening the same file applied it first.
                        statement.execute("COMMIT");
                        continue;
                    }
                    migration.apply(connection);
                    statement.execute("PRAGMA user_version = " + migration.version());
                    statement.execute("COMMIT");
                } catch (SQLException | RuntimeException e) {
                    rollback(connection, file);
                    throw e;
                }
            }
            log.info("Storage {}: schema {} ({})", file, migration.version(), migration.description());
        }
    }

    private static StoreException openFailure(Path dir, Path file, SQLException e) {
        log.debug("Opening the storage {} failed", file, e);
        return switch (primaryCode(e)) {
            case 14 /* CANTOPEN */, 8 /* READONLY */, 3 /* PERM */, 23 /* AUTH */ ->
                    new StoreException(StoreException.Reason.NOT_WRITABLE, notWritable(dir), e);
            case 26 /* NOTADB */, 11 /* CORRUPT */ ->
                    new StoreException(StoreException.Reason.NOT_A_DATABASE, notADatabase(file), e);
            case 5 /* BUSY */, 6 /* LOCKED */ -> new StoreException(StoreException.Reason.IN_USE, inUse(file), e);
            case 13 /* FULL */ -> new StoreException(StoreException.Reason.DISK_FULL, diskFull(dir), e);
            default -> new StoreException(StoreException.Reason.FAILED, file + " could not be opened (SQLite "
                    + codeName(e) + "); run with debug logging to see why.", e);
        };
    }

    // ---- sentences ------------------------------------------------------------------------------

    static String notWritable(Path dir) {
        return "The storage directory " + dir + " is not writable; check storage.dir and its permissions.";
    }

    static String notADatabase(Path file) {
        return file + " is not an imssim database or is damaged; move it away or use another storage.dir.";
    }

    static String inUse(Path file) {
        return file + " is locked by another process; stop it or use another storage.dir.";
    }

    static String diskFull(Path dir) {
        return "The disk holding " + dir + " is full; free some space.";
    }

    // ---- small JDBC pieces ----------------------------------------------------------------------

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the store " + file + " is closed");
        }
    }

    /** Runs a statement without parameters or rows (BEGIN, SAVEPOINT, a PRAGMA …); kept prepared. */
    private void execute(String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }

    private void rollback() {
        rollback(connection, file);
    }

    private static void rollback(Connection connection, Path file) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ROLLBACK");
        } catch (SQLException e) {
            // SQLite may already have rolled back (e.g. after SQLITE_FULL); nothing is left to undo.
            log.debug("Rollback on {} failed", file, e);
        }
    }

    /** SQLite's extended result code; {@link SQLException#getErrorCode()} holds only the primary one. */
    private static SQLiteErrorCode resultCode(SQLException e) {
        return e instanceof SQLiteException sqlite ? sqlite.getResultCode()
                : SQLiteErrorCode.getErrorCode(e.getErrorCode());
    }

    private static int primaryCode(SQLException e) {
        return resultCode(e).code & 0xff;
    }

    private static String codeName(SQLException e) {
        SQLiteErrorCode code = resultCode(e);
        return code == SQLiteErrorCode.UNKNOWN_ERROR ? "error " + e.getErrorCode() : code.name();
    }

    private static String queryString(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1).toLowerCase(Locale.ROOT) : "";
        }
    }

    private static int queryInt(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("Closing after a failed open failed", e);
        }
    }
}
