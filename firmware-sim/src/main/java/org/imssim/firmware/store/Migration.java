package org.imssim.firmware.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One step of the schema, from {@code version - 1} to {@code version}. {@link Store} runs it in a
 * transaction together with setting {@code PRAGMA user_version}, so a step is applied wholly or not
 * at all. A released step is never edited: change the schema with a new step.
 */
interface Migration {

    /** The schema version this step produces; steps are numbered 1, 2, 3, … without gaps. */
    int version();

    /** A few words for the log. */
    String description();

    void apply(Connection connection) throws SQLException;
}
