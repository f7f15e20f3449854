package org.imssim.firmware.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;
    private Store store;
    private Outbox outbox;

    @BeforeEach
    void open() {
        store = Store.open(dir);
        outbox = store.outbox();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private StoredMail enqueue(String messageId, Instant created) {
        return outbox.enqueue(messageId, "unit@example.com", "ann@example.com", "subject " + messageId,
                "body", Map.of(), "alarm", created);
    }

    @Test
    void anEnqueuedMailIsStoredWithEveryColumnAndItsHeadersInOrder() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Auto-Submitted", "auto-replied");
        headers.put("In-Reply-To", "<q@client>");
        headers.put("References", "<p@client> <q@client>");
        headers.put("Reply-To", "unit-inbox@example.com");

        StoredMail mail = outbox.enqueue("<m1@unit>", "unit@example.com", "ann@example.com",
                "Re: ims4000", "Status: all normal\n", headers, "reply", T0.plusNanos(500));

        assertThat(mail.id()).isPositive();
        assertThat(mail.failedAttempts()).isZero();
        assertThat(mail.created()).isEqualTo(T0);
        assertThat(mail.nextAttempt()).isEqualTo(T0);
        assertThat(outbox.find(mail.id())).contains(mail);
        StoredMail read = outbox.due(T0, 10).get(0);
        assertThat(read).isEqualTo(mail);
        assertThat(read.headers().keySet())
                .containsExactly("Auto-Submitted", "In-Reply-To", "References", "Reply-To");
        assertThat(read.body()).isEqualTo("Status: all normal\n");
        assertThat(read.kind()).isEqualTo("reply");
    }

    @Test
    void dueListsMailsWhoseNextAttemptHasComeOldestFirst() {
        StoredMail later = enqueue("<b@unit>", T0.plusSeconds(10));
        StoredMail earlier = enqueue("<a@unit>", T0);
        StoredMail future = enqueue("<c@unit>", T0.plusSeconds(60));

        assertThat(outbox.due(T0.plusSeconds(10), 10)).containsExactly(earlier, later);
        assertThat(outbox.due(T0.plusSeconds(10), 1)).containsExactly(earlier);
        assertThat(outbox.due(T0.minusSeconds(1), 10)).isEmpty();
        assertThat(outbox.due(T0.plusSeconds(60), 10)).extracting(StoredMail::id)
                .containsExactly(earlier.id(), later.id(), future.id());
    }

    @Test
    void aFailureCountsAnAttemptAndPostponesTheMail() {
        StoredMail mail = enqueue("<a@unit>", T0);

        assertThat(outbox.recordFailure(mail.id(), T0.plusSeconds(5))).hasValue(1);
        assertThat(outbox.due(T0.plusSeconds(4), 10)).isEmpty();
        assertThat(outbox.nextDue()).contains(T0.plusSeconds(5));
        assertThat(outbox.recordFailure(mail.id(), T0.plusSeconds(15))).hasValue(2);

        StoredMail again = outbox.due(T0.plusSeconds(15), 10).get(0);
        assertThat(again.failedAttempts()).isEqualTo(2);
        assertThat(again.nextAttempt()).isEqualTo(T0.plusSeconds(15));
        assertThat(again.created()).isEqualTo(T0);
    }

    @Test
    void aRetriedMailKeepsItsPlaceByCreation() {
        StoredMail first = enqueue("<a@unit>", T0);
        StoredMail second = enqueue("<b@unit>", T0.plusSeconds(1));
        outbox.recordFailure(first.id(), T0.plusSeconds(5));

        assertThat(outbox.due(T0.plusSeconds(5), 10)).extracting(StoredMail::id)
                .containsExactly(first.id(), second.id());
    }

    @Test
    void removeTakesAMailOutForGood() {
        StoredMail a = enqueue("<a@unit>", T0);
        StoredMail b = enqueue("<b@unit>", T0.plusSeconds(1));

        assertThat(outbox.remove(a.id())).isTrue();
        assertThat(outbox.remove(a.id())).isFalse();
        assertThat(outbox.recordFailure(a.id(), T0)).isEmpty();
        assertThat(outbox.find(a.id())).isEmpty();
        assertThat(outbox.due(T0.plusSeconds(1), 10)).containsExactly(b);
        assertThat(outbox.pending()).isEqualTo(1);
    }

    @Test
    void pendingAndOldestCreatedDescribeTheQueue() {
        assertThat(outbox.pending()).isZero();
        assertThat(outbox.oldestCreated()).isEmpty();
        assertThat(outbox.nextDue()).isEmpty();

        enqueue("<b@unit>", T0.plusSeconds(30));
        enqueue("<a@unit>", T0);

        assertThat(outbox.pending()).isEqualTo(2);
        assertThat(outbox.oldestCreated()).contains(T0);
        assertThat(outbox.nextDue()).contains(T0);
    }

    @Test
    void dropOlderThanReturnsTheDroppedMailsForTheirEvents() {
        StoredMail old = outbox.enqueue("<old@unit>", "unit@example.com", "ann@example.com",
                "IMS-4000 ALARM: Lab - Freezer - High", "body", Map.of("Auto-Submitted", "auto-generated"),
                "alarm", T0);
        outbox.recordFailure(old.id(), T0.plus(Duration.ofHours(24)));
        StoredMail atCutoff = enqueue("<edge@unit>", T0.plus(Duration.ofHours(1)));
        StoredMail fresh = enqueue("<new@unit>", T0.plus(Duration.ofHours(23)));

        List<StoredMail> dropped = outbox.dropOlderThan(T0.plus(Duration.ofHours(1)));

        assertThat(dropped).hasSize(1);
        assertThat(dropped.get(0).subject()).isEqualTo("IMS-4000 ALARM: Lab - Freezer - High");
        assertThat(dropped.get(0).failedAttempts()).isEqualTo(1);
        assertThat(dropped.get(0).headers()).containsEntry("Auto-Submitted", "auto-generated");
        assertThat(outbox.pending()).isEqualTo(2);
        assertThat(outbox.due(T0.plus(Duration.ofDays(2)), 10)).containsExactly(atCutoff, fresh);
        assertThat(outbox.dropOlderThan(T0)).isEmpty();
    }

    @Test
    void droppingAMailDropsItsHeaders() throws Exception {
        enqueue("<a@unit>", T0);
        outbox.enqueue("<b@unit>", "u@x", "a@x", "s", "b", Map.of("X-One", "1", "X-Two", "2"), "alarm", T0);
        outbox.dropOlderThan(T0.plusSeconds(1));

        try (var s = store.connection().createStatement();
             var rows = s.executeQuery("SELECT count(*) FROM outbox_header")) {
            rows.next();
            assertThat(rows.getInt(1)).isZero();
        }
    }

    @Test
    void aMessageIdIsStoredOnce() {
        enqueue("<a@unit>", T0);

        assertThatThrownBy(() -> enqueue("<a@unit>", T0.plusSeconds(1)))
                .isInstanceOf(StoreException.class)
                .hasMessage("The outbox already holds a mail with Message-ID <a@unit>.")
                .extracting(e -> ((StoreException) e).reason()).isEqualTo(StoreException.Reason.DUPLICATE);
        assertThat(outbox.pending()).isEqualTo(1);
    }

    @Test
    void idsAreNeverReusedSoALateRemoveCannotHitANewerMail() {
        StoredMail a = enqueue("<a@unit>", T0);
        outbox.dropOlderThan(T0.plusSeconds(1));
        StoredMail b = enqueue("<b@unit>", T0.plusSeconds(2));

        assertThat(b.id()).isNotEqualTo(a.id());
        assertThat(outbox.remove(a.id())).isFalse();
        assertThat(outbox.pending()).isEqualTo(1);
    }

    @Test
    void headersAreCopiedAndImmutable() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-A", "1");
        StoredMail mail = outbox.enqueue("<a@unit>", "u@x", "a@x", "s", "b", headers, "alarm", T0);
        headers.put("X-B", "2");

        assertThat(mail.headers()).containsOnlyKeys("X-A");
        assertThatThrownBy(() -> mail.headers().put("X-C", "3")).isInstanceOf(UnsupportedOperationException.class);
    }
}
