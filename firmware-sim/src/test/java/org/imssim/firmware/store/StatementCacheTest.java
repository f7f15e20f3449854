package org.imssim.firmware.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store's kept prepared statements, on an in-memory SQLite database. */
class StatementCacheTest {

    private Connection real;
    private StatementCache cache;

    @BeforeEach
    void open() throws SQLException {
        real = DriverManager.getConnection("jdbc:sqlite::memory:");
        try (Statement statement = real.createStatement()) {
            statement.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)");
        }
        cache = new StatementCache(real);
    }

    @AfterEach
    void close() throws SQLException {
        cache.close();
        real.close();
    }

    private long insertValue(String value) throws SQLException {
        try (PreparedStatement insert = cache.connection().prepareStatement("INSERT INTO t (v) VALUES (?) RETURNING id")) {
            insert.setString(1, value);
            try (ResultSet id = insert.executeQuery()) {
                return id.getLong(1);
            }
        }
    }

    private String valueOf(long id) throws SQLException {
        try (PreparedStatement select = cache.connection().prepareStatement("SELECT v FROM t WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    @Test
    void theSameTextGivesTheSameStatementWhichRunsAgainAfterItsClose() throws SQLException {
        long first = insertValue("one");
        long second = insertValue("two");
        assertThat(second).isEqualTo(first + 1);
        assertThat(valueOf(first)).isEqualTo("one");
        assertThat(valueOf(second)).isEqualTo("two");
        assertThat(valueOf(99)).isNull();
        assertThat(cache.size()).as("one insert and one select, each prepared once").isEqualTo(2);

        PreparedStatement a = cache.connection().prepareStatement("SELECT v FROM t WHERE id = ?");
        a.close();
        assertThat(cache.connection().prepareStatement("SELECT v FROM t WHERE id = ?")).isSameAs(a);
        assertThat(a.isClosed()).as("closing a kept statement keeps it").isFalse();
    }

    @Test
    void closingAKeptStatementClearsItsParameters() throws SQLException {
        PreparedStatement insert = cache.connection().prepareStatement("INSERT INTO t (v) VALUES (?)");
        insert.setString(1, "set once");
        insert.executeUpdate();
        insert.close();
        // v is NOT NULL: had the old parameter stayed, this would store "set once" again.
        assertThatThrownBy(insert::executeUpdate).isInstanceOf(SQLException.class);
    }

    @Test
    void aBatchLeftUnrunIsDroppedWhenTheStatementCloses() throws SQLException {
        try (PreparedStatement insert = cache.connection().prepareStatement("INSERT INTO t (v) VALUES (?)")) {
            insert.setString(1, "left in the batch");
            insert.addBatch();
        }
        try (PreparedStatement insert = cache.connection().prepareStatement("INSERT INTO t (v) VALUES (?)")) {
            insert.setString(1, "run");
            insert.addBatch();
            assertThat(insert.executeBatch()).containsExactly(1);
        }
        try (Statement count = real.createStatement(); ResultSet rows = count.executeQuery("SELECT count(*) FROM t")) {
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void closingTheCacheClosesTheRealStatements() throws SQLException {
        PreparedStatement kept = cache.connection().prepareStatement("SELECT 1");
        cache.close();
        assertThat(kept.isClosed()).isTrue();
        assertThat(cache.size()).isZero();
    }

    @Test
    void afterAFullDiskAStatementWorksAgainOnceThereIsRoom() throws SQLException {
        try (Statement statement = real.createStatement()) {
            statement.execute("PRAGMA max_page_count = 3"); // the table's page and little more
        }
        String big = "x".repeat(3000);
        SQLException full = null;
        for (int i = 0; i < 10 && full == null; i++) {
            try {
                insertValue(big);
            } catch (SQLException e) {
                full = e;
            }
        }
        assertThat((Object) full).as("the database filled up").isNotNull();
        try (Statement statement = real.createStatement()) {
            statement.execute("PRAGMA max_page_count = 100000");
        }
        long id = insertValue("after");
        assertThat(valueOf(id)).isEqualTo("after");
    }

    @Test
    void aStatementWithAFailedRunWorksForTheNextOne() throws SQLException {
        assertThatThrownBy(() -> insertValue(null)).isInstanceOf(SQLException.class); // v is NOT NULL
        assertThat(valueOf(insertValue("next"))).isEqualTo("next");
    }

    @Test
    void aResultSetLeftOpenIsClosedWithItsStatement() throws SQLException {
        insertValue("one");
        insertValue("two");
        PreparedStatement select = cache.connection().prepareStatement("SELECT v FROM t ORDER BY id");
        ResultSet rows = select.executeQuery();
        assertThat(rows.next()).isTrue(); // one row read, one left
        select.close();
        assertThat(rows.isClosed()).isTrue();
        try (PreparedStatement again = cache.connection().prepareStatement("SELECT v FROM t ORDER BY id");
             ResultSet all = again.executeQuery()) {
            assertThat(all.next()).isTrue();
            assertThat(all.getString(1)).isEqualTo("one");
        }
    }
}
