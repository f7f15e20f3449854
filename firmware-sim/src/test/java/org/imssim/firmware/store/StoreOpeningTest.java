package org.imssim.firmware.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreOpeningTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void createsTheDirectoryAndTheFileAndAppliesEveryMigration() throws SQLException {
        Path dir = tmp.resolve("a/b/imssim-data");
        try (Store store = Store.open(dir)) {
            assertThat(dir.resolve("imssim.db")).isRegularFile();
            Connection c = store.connection();
            assertThat(pragma(c, "user_version")).isEqualTo(String.valueOf(Schema.MIGRATIONS.size()));
            assertThat(pragma(c, "application_id")).isEqualTo(String.valueOf(Schema.APPLICATION_ID));
            assertThat(pragma(c, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(c, "synchronous")).isEqualTo("2"); // FULL
            assertThat(pragma(c, "foreign_keys")).isEqualTo("1");
            assertThat(pragma(c, "busy_timeout")).isEqualTo("5000");
            assertThat(store.directory()).isEqualTo(dir);
        }
    }

    @Test
    void dataSurvivesACloseAndReopen() {
        try (Store store = Store.open(tmp)) {
            store.events().append(T0, "host", "system", "Unit started");
            store.outbox().enqueue("<1@unit>", "unit@example.com", "a@example.com", "s", "b",
                    java.util.Map.of(), "alarm", T0);
            store.outletStates().store(1, 2, "OFF", T0);
        }
        try (Store store = Store.open(tmp)) {
            assertThat(store.events().newest(10)).extracting(StoredEvent::text).containsExactly("Unit started");
            assertThat(store.outbox().pending()).isEqualTo(1);
            assertThat(store.outletStates().load()).containsKey(new OutletAddress(1, 2));
            assertThat(pragma(store.connection(), "user_version"))
                    .isEqualTo(String.valueOf(Schema.MIGRATIONS.size()));
        }
    }

    @Test
    void anEmptyFileIsANewDatabase() throws Exception {
        Files.createFile(tmp.resolve("imssim.db"));
        try (Store store = Store.open(tmp)) {
            assertThat(store.events().count()).isZero();
        }
    }

    @Test
    void aFileFromANewerImssimIsRefusedUntouched() throws Exception {
        Path file = tmp.resolve("imssim.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE future (x INTEGER)");
            s.execute("PRAGMA application_id = " + Schema.APPLICATION_ID);
            s.execute("PRAGMA user_version = 99");
        }
        int known = Schema.MIGRATIONS.size();

        assertThatThrownBy(() -> Store.open(tmp))
                .isInstanceOf(StoreException.class)
                .hasMessage(file + " was written by a newer imssim (schema 99, this one knows " + known
                        + "); use that version or another storage.dir.")
                .extracting(e -> ((StoreException) e).reason()).isEqualTo(StoreException.Reason.NEWER_SCHEMA);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(pragma(c, "user_version")).isEqualTo("99");
            assertThat(pragma(c, "journal_mode")).isEqualTo("delete"); // not even switched to WAL
        }
    }

    @Test
    void aNewerSchemaWithoutOurApplicationIdIsStillANewerSchema() throws Exception {
        Path file = tmp.resolve("imssim.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 7");
        }
        assertThatThrownBy(() -> Store.open(tmp))
                .hasMessage(file + " was written by a newer imssim (schema 7, this one knows "
                        + Schema.MIGRATIONS.size() + "); use that version or another storage.dir.");
    }

    @Test
    void aDirectoryUnderARegularFileIsNotWritableEvenForRoot() throws Exception {
        Path file = Files.writeString(tmp.resolve("plain.txt"), "x");
        Path dir = file.resolve("imssim-data");

        assertThatThrownBy(() -> Store.open(dir))
                .isInstanceOf(StoreException.class)
                .hasMessage(notWritable(dir))
                .extracting(e -> ((StoreException) e).reason()).isEqualTo(StoreException.Reason.NOT_WRITABLE);
    }

    @Test
    void aRegularFileAsTheDirectoryIsNotWritable() throws Exception {
        Path file = Files.writeString(tmp.resolve("imssim-data"), "x");

        assertThatThrownBy(() -> Store.open(file))
                .hasMessage(notWritable(file));
    }

    @Test
    void aReadOnlyDirectoryIsNotWritable() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("read-only"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(dir), "running as root: a read-only directory is writable anyway");
            assertThatThrownBy(() -> Store.open(dir))
                    .hasMessage(notWritable(dir));
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aFileThatIsNoDatabaseIsRefusedWithASentence() throws Exception {
        Path file = tmp.resolve("imssim.db");
        Files.writeString(file, "storage:\n  dir: ./imssim-data\n".repeat(200));

        assertThatThrownBy(() -> Store.open(tmp))
                .isInstanceOf(StoreException.class)
                .hasMessage(notADatabase(file))
                .extracting(e -> ((StoreException) e).reason()).isEqualTo(StoreException.Reason.NOT_A_DATABASE);
    }

    @Test
    void aDatabaseOfAnotherProgramIsRefused() throws Exception {
        Path file = tmp.resolve("imssim.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE event (id INTEGER PRIMARY KEY, what TEXT)");
        }
        assertThatThrownBy(() -> Store.open(tmp)).hasMessage(notADatabase(file));

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            s.execute("PRAGMA application_id = 1234");
            s.execute("PRAGMA user_version = 1");
        }
        assertThatThrownBy(() -> Store.open(tmp)).hasMessage(notADatabase(file));
    }

    @Test
    void aDirectoryNamedLikeTheFileIsRefused() throws Exception {
        Path file = Files.createDirectory(tmp.resolve("imssim.db"));
        assertThatThrownBy(() -> Store.open(tmp)).hasMessage(notADatabase(file));
    }

    @Test
    void theSentenceNeverCarriesSqliteText() throws Exception {
        Files.writeString(tmp.resolve("imssim.db"), "x".repeat(4096));
        assertThatThrownBy(() -> Store.open(tmp))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContainIgnoringCase("sqlite")
                        .doesNotContain("[SQLITE").doesNotContain("file is not a database"));
    }

    @Test
    void aFailingMigrationLeavesTheSchemaAtTheStepBefore() throws Exception {
        Migration breaks = new Migration() {
            @Override
            public int version() {
                return Schema.MIGRATIONS.size() + 1;
            }

            @Override
            public String description() {
                return "breaks half way";
            }

            @Override
            public void apply(Connection connection) throws SQLException {
                try (Statement s = connection.createStatement()) {
                    s.execute("CREATE TABLE half (x INTEGER)");
                    s.execute("INSERT INTO no_such_table VALUES (1)");
                }
            }
        };
        List<Migration> migrations = new ArrayList<>(Schema.MIGRATIONS);
        migrations.add(breaks);

        assertThatThrownBy(() -> Store.open(tmp, migrations))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith(tmp.resolve("imssim.db") + " could not be opened (SQLite SQLITE_ERROR)");

        try (Store store = Store.open(tmp)) {
            Connection c = store.connection();
            assertThat(pragma(c, "user_version")).isEqualTo(String.valueOf(Schema.MIGRATIONS.size()));
            try (Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("SELECT count(*) FROM sqlite_schema WHERE name = 'half'")) {
                rows.next();
                assertThat(rows.getInt(1)).isZero();
            }
        }
    }

    @Test
    void migrationsMustBeNumberedWithoutGaps() {
        List<Migration> gap = List.of(new SqlMigration(2, "two", List.of()));
        assertThatThrownBy(() -> Store.open(tmp, gap)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aClosedStoreRefusesWork() {
        Store store = Store.open(tmp);
        store.close();
        store.close(); // idempotent
        assertThatThrownBy(() -> store.events().count()).isInstanceOf(IllegalStateException.class);
    }

    // The sentences spelled out here, not taken from Store, so that changing one fails a test.
    private static String notWritable(Path dir) {
        return "The storage directory " + dir + " is not writable; check storage.dir and its permissions.";
    }

    private static String notADatabase(Path file) {
        return file + " is not an imssim database or is damaged; move it away or use another storage.dir.";
    }

    static String pragma(Connection c, String name) {
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("PRAGMA " + name)) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
