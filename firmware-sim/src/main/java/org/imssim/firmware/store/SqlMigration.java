package org.imssim.firmware.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** A migration made of plain SQL statements, run in order. */
record SqlMigration(int version, String description, List<String> statements) implements Migration {

    SqlMigration {
        statements = List.copyOf(statements);
    }

    @Override
    public void apply(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.executeUpdate(sql);
            }
        }
    }
}
