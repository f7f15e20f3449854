package org.imssim.firmware.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;
    private Store store;

    @BeforeEach
    void open() {
        store = Store.open(dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private StoredMail alarmMail(String messageId) {
        return store.outbox().enqueue(messageId, "unit@example.com", "ann@example.com",
                "IMS-4000 ALARM: Lab - Freezer - High", "body", Map.of(), "alarm", T0);
    }

    @Test
    void writesInOneTransactionAreStoredTogether() {
        long mailId = store.inTransaction(() -> {
            store.occurrences().save(new StoredOccurrence("occ-1", "host/3", "12345678", "ALARM_UNACKED", 1,
                    T0.plusSeconds(60), "Critical", "High", T0, null, "{}"));
            store.events().append(T0, "host", "input", "Alarm: Freezer High 12.5 °C");
            return alarmMail("<a@unit>").id();
        });

        assertThat(store.outbox().find(mailId)).isPresent();
        assertThat(store.occurrences().open()).hasSize(1);
        assertThat(store.events().count()).isEqualTo(1);
    }

    @Test
    void anExceptionRollsBackEveryWriteOfTheTransaction() {
        assertThatThrownBy(() -> store.inTransaction(() -> {
            store.occurrences().save(new StoredOccurrence("occ-1", "host/3", "12345678", "ALARM_UNACKED", 1,
                    T0.plusSeconds(60), "Critical", "High", T0, null, "{}"));
            store.events().append(T0, "host", "input", "Alarm: Freezer High 12.5 °C");
            alarmMail("<a@unit>");
            throw new IllegalStateException("the alarm engine changed its mind");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the alarm engine changed its mind");

        assertThat(store.occurrences().open()).isEmpty();
        assertThat(store.events().count()).isZero();
        assertThat(store.outbox().pending()).isZero();
    }

    @Test
    void aNestedTransactionJoinsTheOuterOne() {
        assertThatThrownBy(() -> store.inTransaction(() -> {
            store.inTransaction(() -> store.events().append(T0, "host", "system", "inner"));
            store.outbox().enqueue("<a@unit>", "u@x", "a@x", "s", "b", Map.of(), "alarm", T0);
            store.outbox().enqueue("<a@unit>", "u@x", "a@x", "s", "b", Map.of(), "alarm", T0);
        })).isInstanceOf(StoreException.class);

        assertThat(store.events().count()).isZero();
        assertThat(store.outbox().pending()).isZero();

        store.inTransaction(() -> store.events().append(T0, "host", "system", "after"));
        assertThat(store.events().count()).isEqualTo(1);
    }
}
