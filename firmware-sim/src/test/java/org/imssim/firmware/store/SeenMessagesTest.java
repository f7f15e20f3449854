package org.imssim.firmware.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.imssim.firmware.store.SeenMessages.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeenMessagesTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final String SHA256_KEY = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @TempDir
    Path dir;
    private Store store;
    private SeenMessages seen;

    @BeforeEach
    void open() {
        store = Store.open(dir);
        seen = store.seenMessages();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static NewMail reply(String messageId) {
        return new NewMail(messageId, "unit@example.com", "ann@example.com", "Re: ims4000", "Status: normal",
                Map.of("Auto-Submitted", "auto-replied", "In-Reply-To", "<q@client>"), "reply", T0);
    }

    @Test
    void aMessageGoesFromUnknownThroughInProgressToSeen() {
        assertThat(seen.lookup("<q@client>")).isEqualTo(State.UNKNOWN);

        assertThat(seen.markInProgress("<q@client>", T0)).isTrue();
        assertThat(seen.lookup("<q@client>")).isEqualTo(State.IN_PROGRESS);
        assertThat(seen.inProgress()).containsExactly("<q@client>");

        seen.markSeen("<q@client>", T0.plusSeconds(1));
        assertThat(seen.lookup("<q@client>")).isEqualTo(State.SEEN);
        assertThat(seen.inProgress()).isEmpty();
    }

    @Test
    void aSeenMessageIsNotSetBackToInProgress() {
        seen.markSeen(SHA256_KEY, T0);

        assertThat(seen.markInProgress(SHA256_KEY, T0.plusSeconds(1))).isFalse();
        assertThat(seen.lookup(SHA256_KEY)).isEqualTo(State.SEEN);
    }

    @Test
    void aMarkTakenBackLeavesTheMessageUnknownButASeenOneStaysSeen() {
        seen.markInProgress("<ahead@client>", T0);
        assertThat(seen.unmarkInProgress("<ahead@client>")).isTrue();
        assertThat(seen.lookup("<ahead@client>")).isEqualTo(State.UNKNOWN);
        assertThat(seen.inProgress()).isEmpty();

        seen.markSeen("<done@client>", T0);
        assertThat(seen.unmarkInProgress("<done@client>")).isFalse();
        assertThat(seen.lookup("<done@client>")).isEqualTo(State.SEEN);
    }

    @Test
    void inProgressListsTheMessagesThatCrashedAnEarlierRunOldestFirst() {
        seen.markInProgress("<b@client>", T0.plusSeconds(5));
        seen.markInProgress("<a@client>", T0);
        seen.markInProgress("<c@client>", T0.plusSeconds(9));
        seen.markSeen("<c@client>", T0.plusSeconds(10));

        assertThat(seen.inProgress()).containsExactly("<a@client>", "<b@client>");
    }

    @Test
    void markSeenWithRepliesStoresTheRepliesAndTheMarkTogether() {
        seen.markInProgress("<q@client>", T0);

        List<StoredMail> stored = seen.markSeenWithReplies("<q@client>", T0.plusSeconds(1),
                List.of(reply("<r1@unit>"), reply("<r2@unit>")));

        assertThat(stored).extracting(StoredMail::messageId).containsExactly("<r1@unit>", "<r2@unit>");
        assertThat(seen.lookup("<q@client>")).isEqualTo(State.SEEN);
        assertThat(store.outbox().due(T0, 10)).containsExactlyElementsOf(stored);
    }

    @Test
    void whenOneReplyCannotBeStoredNeitherTheRepliesNorTheMarkAre() {
        store.outbox().enqueue(reply("<taken@unit>"));
        seen.markInProgress("<q@client>", T0);

        assertThatThrownBy(() -> seen.markSeenWithReplies("<q@client>", T0.plusSeconds(1),
                List.of(reply("<fresh@unit>"), reply("<taken@unit>"))))
                .isInstanceOf(StoreException.class)
                .extracting(e -> ((StoreException) e).reason()).isEqualTo(StoreException.Reason.DUPLICATE);

        assertThat(seen.lookup("<q@client>")).isEqualTo(State.IN_PROGRESS);
        assertThat(store.outbox().due(T0, 10)).extracting(StoredMail::messageId).containsExactly("<taken@unit>");
        // The store is still usable: the same step with good replies goes through.
        seen.markSeenWithReplies("<q@client>", T0.plusSeconds(2), List.of(reply("<fresh@unit>")));
        assertThat(seen.lookup("<q@client>")).isEqualTo(State.SEEN);
        assertThat(store.outbox().pending()).isEqualTo(2);
    }

    @Test
    void whenTheMarkIsForAnUnknownMessageAFailureLeavesItUnknown() {
        store.outbox().enqueue(reply("<taken@unit>"));

        assertThatThrownBy(() -> seen.markSeenWithReplies("<q@client>", T0, List.of(reply("<taken@unit>"))))
                .isInstanceOf(StoreException.class);

        assertThat(seen.lookup("<q@client>")).isEqualTo(State.UNKNOWN);
    }

    @Test
    void purgeForgetsSeenMessagesBeforeTheCutoffButKeepsCrashMarks() {
        Instant now = T0.plus(Duration.ofDays(40));
        seen.markSeen("<old@client>", T0);
        seen.markSeen("<recent@client>", now.minus(Duration.ofDays(29)));
        seen.markInProgress("<crashed@client>", T0);

        assertThat(seen.purgeSeenBefore(now.minus(Duration.ofDays(30)))).isEqualTo(1);

        assertThat(seen.lookup("<old@client>")).isEqualTo(State.UNKNOWN);
        assertThat(seen.lookup("<recent@client>")).isEqualTo(State.SEEN);
        assertThat(seen.lookup("<crashed@client>")).isEqualTo(State.IN_PROGRESS);
    }

    @Test
    void markingSeenAgainMovesItsRetentionForward() {
        seen.markSeen("<q@client>", T0);
        seen.markSeen("<q@client>", T0.plus(Duration.ofDays(20)));

        assertThat(seen.purgeSeenBefore(T0.plus(Duration.ofDays(10)))).isZero();
        assertThat(seen.lookup("<q@client>")).isEqualTo(State.SEEN);
    }
}
