package org.imssim.firmware.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OccurrencesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;
    private Store store;
    private Occurrences occurrences;

    @BeforeEach
    void open() {
        store = Store.open(dir);
        occurrences = store.occurrences();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static StoredOccurrence freezerHigh(String id, String code, Instant openedAt) {
        return new StoredOccurrence(id, "host/3", code, "ALARM_UNACKED", 1, openedAt.plusSeconds(60),
                "Critical", "High", openedAt, null, "{}");
    }

    @Test
    void saveThenOpenReturnsWhatWasSavedOldestFirst() {
        StoredOccurrence later = freezerHigh("occ-2", "00000042", T0.plusSeconds(5));
        StoredOccurrence earlier = new StoredOccurrence("occ-1", "ip/router", "12345678", "RTN_UNACKED", 2, null,
                "IP Alarms", "Ping Timeout", T0, null, "{\"lastValue\":12.5,\"sent\":[\"ann@example.com\"]}");
        occurrences.save(later);
        occurrences.save(earlier);

        assertThat(occurrences.open()).containsExactly(earlier, later);
    }

    @Test
    void saveWithTheSameIdReplacesTheOccurrence() {
        occurrences.save(freezerHigh("occ-1", "12345678", T0));
        StoredOccurrence acked = new StoredOccurrence("occ-1", "host/3", "12345678", "ALARM_ACKED", 2, null,
                "Critical", "High", T0, "Ann", "{}");

        occurrences.save(acked);

        assertThat(occurrences.open()).containsExactly(acked);
    }

    @Test
    void aCodeIsInUseWhileItsOccurrenceIsOpen() {
        occurrences.save(freezerHigh("occ-1", "12345678", T0));

        assertThat(occurrences.isCodeInUse("12345678")).isTrue();
        assertThat(occurrences.isCodeInUse("87654321")).isFalse();

        assertThat(occurrences.close("occ-1")).isTrue();
        assertThat(occurrences.close("occ-1")).isFalse();
        assertThat(occurrences.isCodeInUse("12345678")).isFalse();
        assertThat(occurrences.open()).isEmpty();
    }

    @Test
    void twoOpenOccurrencesCannotShareACode() {
        occurrences.save(freezerHigh("occ-1", "12345678", T0));

        assertThatThrownBy(() -> occurrences.save(freezerHigh("occ-2", "12345678", T0)))
                .isInstanceOf(StoreException.class)
                .hasMessage("Acknowledgment code 12345678 is already used by an open occurrence.")
                .extracting(e -> ((StoreException) e).reason()).isEqualTo(StoreException.Reason.DUPLICATE);
        assertThat(occurrences.open()).extracting(StoredOccurrence::id).containsExactly("occ-1");

        occurrences.close("occ-1");
        occurrences.save(freezerHigh("occ-2", "12345678", T0)); // free again once closed
    }

    @Test
    void aCodeHasEightDigits() {
        assertThatThrownBy(() -> freezerHigh("occ-1", "1234567", T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> freezerHigh("occ-1", "1234567a", T0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void extrasMustBeJson() {
        StoredOccurrence bad = new StoredOccurrence("occ-1", "host/3", "12345678", "ALARM_UNACKED", 1, null,
                "Critical", "High", T0, null, "not json");

        assertThatThrownBy(() -> occurrences.save(bad))
                .isInstanceOf(StoreException.class)
                .hasMessage("The alarm occurrence could not be stored.");
        assertThat(occurrences.open()).isEmpty();
    }

    @Test
    void openOccurrencesSurviveAReopen() {
        StoredOccurrence occurrence = freezerHigh("occ-1", "00000001", T0);
        occurrences.save(occurrence);
        store.close();

        store = Store.open(dir);
        assertThat(store.occurrences().open()).containsExactly(occurrence);
    }
}
