package org.imssim.firmware.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;
    private Store store;
    private EventLog events;

    @BeforeEach
    void open() {
        store = Store.open(dir);
        events = store.events();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void appendReturnsIncreasingIdsAndNewestComesFirst() {
        long a = events.append(T0, "host", "system", "Unit started");
        long b = events.append(T0.plusSeconds(1), "node-1", "input", "Alarm: Freezer High 12.5 °C");
        long c = events.append(T0.plusSeconds(2), "host", "mail", "E-mail sent to a@example.com: IMS-4000 ALARM");

        assertThat(a).isLessThan(b);
        assertThat(b).isLessThan(c);
        assertThat(events.newest(2)).containsExactly(
                new StoredEvent(c, T0.plusSeconds(2), "host", "mail", "E-mail sent to a@example.com: IMS-4000 ALARM"),
                new StoredEvent(b, T0.plusSeconds(1), "node-1", "input", "Alarm: Freezer High 12.5 °C"));
        assertThat(events.newest(10)).hasSize(3);
        assertThat(events.newest(0)).isEmpty();
        assertThat(events.count()).isEqualTo(3);
    }

    @Test
    void newestFollowsTheOrderOfAppendingEvenWhenTheClockSteppedBack() {
        events.append(T0, "host", "system", "first");
        events.append(T0.minusSeconds(3600), "host", "system", "after a clock step");

        assertThat(events.newest(2)).extracting(StoredEvent::text).containsExactly("after a clock step", "first");
    }

    @Test
    void timeIsKeptToTheMillisecond() {
        events.append(T0.plusNanos(1_234_567), "host", "system", "x");
        assertThat(events.newest(1).get(0).time()).isEqualTo(T0.plusMillis(1));
    }

    @Test
    void purgeDeletesOnlyEventsBeforeTheCutoff() {
        events.append(T0.minus(Duration.ofDays(91)), "host", "system", "too old");
        events.append(T0.minus(Duration.ofDays(90)), "host", "system", "exactly at the cutoff");
        events.append(T0, "host", "system", "recent");

        assertThat(events.purgeOlderThan(T0.minus(Duration.ofDays(90)))).isEqualTo(1);

        assertThat(events.newest(10)).extracting(StoredEvent::text)
                .containsExactly("recent", "exactly at the cutoff");
        assertThat(events.count()).isEqualTo(2);
    }

    @Test
    void idsAreNotReusedAfterAPurge() {
        events.append(T0, "host", "system", "a");
        long last = events.append(T0, "host", "system", "b");
        events.purgeOlderThan(T0.plusSeconds(1));

        assertThat(events.append(T0, "host", "system", "c")).isGreaterThan(last);
    }

    @Test
    void textIsStoredAsGiven() {
        String text = "Command from Ann: outlet 1/2 on — ünïcödé, 'quotes'; DROP TABLE event; --";
        events.append(T0, "host", "profile", text);
        assertThat(events.newest(1).get(0).text()).isEqualTo(text);
    }
}
