package org.imssim.firmware.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store thread's group commit: calls that wait while it is busy share one transaction and one
 * sync, yet each stands or falls alone; writes that may be synced later are committed without a
 * sync unless they share a commit with one that must be synced, and are synced by the next call
 * that syncs all, or soon; riders join every commit.
 */
class StoreWorkerTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;
    private StoreWorker worker;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void open() {
        // No sync of its own accord during a test, but where a test asks for one.
        worker = StoreWorker.open(dir, "Lab", Duration.ofHours(1));
    }

    @AfterEach
    void close() {
        release.countDown();
        worker.close();
    }

    /** Holds the store thread until {@link #release} opens, so that the calls made meanwhile wait together. */
    private CompletableFuture<Void> holdTheThread() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<Void> held = worker.call(s -> {
            running.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        return held;
    }

    private CompletableFuture<Long> append(String text) {
        return worker.call(s -> s.events().append(T0, "host", "system", text));
    }

    private List<String> texts() {
        return worker.call(s -> s.events().newest(100).stream().map(StoredEvent::text).toList()).join();
    }

    private static int pragma(Store s, String name) {
        try (Statement statement = s.connection().createStatement(); ResultSet row = statement.executeQuery("PRAGMA " + name)) {
            return row.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void callsThatWaitWhileTheThreadIsBusyShareOneCommit() throws Exception {
        AtomicInteger commits = new AtomicInteger();
        worker.addRider(s -> commits.incrementAndGet()); // a rider runs once in every synced commit
        CompletableFuture<Void> held = holdTheThread();
        List<CompletableFuture<Long>> waiting = List.of(append("one"), append("two"), append("three"));
        assertThat(waiting).noneMatch(CompletableFuture::isDone);

        release.countDown();
        held.join();
        waiting.forEach(CompletableFuture::join);

        assertThat(commits.get()).as("the held call's commit, then one for the three").isEqualTo(2);
        assertThat(texts()).containsExactly("three", "two", "one");
    }

    @Test
    void aCallThatFailsIsUndoneAloneAndTheOthersOfItsCommitStand() throws Exception {
        CompletableFuture<Void> held = holdTheThread();
        CompletableFuture<Long> before = append("before");
        CompletableFuture<Object> failing = worker.call(s -> {
            s.events().append(T0, "host", "system", "undone");
            throw new IllegalStateException("the caller changed its mind");
        });
        CompletableFuture<Long> after = append("after");
        release.countDown();
        held.join();

        assertThat(before.join()).isPositive();
        assertThat(after.join()).isPositive();
        assertThatThrownBy(failing::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IllegalStateException.class).cause().hasMessage("the caller changed its mind");
        assertThat(texts()).containsExactly("after", "before");
    }

    @Test
    void whenSqliteUndoesTheWholeTransactionItsCallsFailAndTheRestRunInANewOne() throws Exception {
        CompletableFuture<Void> held = holdTheThread();
        CompletableFuture<Long> lost = append("lost with the transaction");
        CompletableFuture<Object> breaking = worker.call(s -> {
            // As SQLite does itself on a full disk or an I/O error: the transaction is gone.
            try (Statement statement = s.connection().createStatement()) {
                statement.execute("ROLLBACK");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("disk full");
        });
        CompletableFuture<Long> later = append("later");
        release.countDown();
        held.join();

        assertThatThrownBy(lost::join).as("its write was rolled back with the transaction")
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(StoreException.class);
        assertThatThrownBy(breaking::join).isInstanceOf(CompletionException.class);
        assertThat(later.join()).isPositive();
        assertThat(texts()).containsExactly("later");
    }

    @Test
    void aWriteSyncedLaterIsCommittedWithoutASyncUnlessItSharesACommitWithOneThatNeedsIt() throws Exception {
        assertThat(worker.callSyncedLater(s -> pragma(s, "synchronous")).join()).as("NORMAL").isEqualTo(1);
        assertThat(worker.call(s -> pragma(s, "synchronous")).join()).as("FULL again").isEqualTo(2);

        CompletableFuture<Void> held = holdTheThread();
        CompletableFuture<Integer> lazy = worker.callSyncedLater(s -> pragma(s, "synchronous"));
        CompletableFuture<Long> synced = append("synced");
        release.countDown();
        held.join();
        assertThat(lazy.join()).as("sharing a commit with a synced write, it is synced too").isEqualTo(2);
        assertThat(synced.join()).isPositive();
    }

    @Test
    void aRiderJoinsEveryCommitAndOneThatFailsUndoesOnlyItself() {
        AtomicInteger rides = new AtomicInteger();
        worker.addRider(s -> {
            rides.incrementAndGet();
            s.events().append(T0, "host", "system", "rider " + rides.get());
            throw new IllegalStateException("the rider fails");
        });
        worker.callSyncedLater(s -> s.events().append(T0, "host", "system", "lazy")).join();
        assertThat(append("synced").join()).isPositive();
        assertThat(rides.get()).isEqualTo(2);
        assertThat(texts()).as("the rider's writes undone, the calls' kept").containsExactly("synced", "lazy");
    }

    private int syncMarks() {
        return worker.callSyncedLater(s -> {
            try (Statement statement = s.connection().createStatement();
                 ResultSet row = statement.executeQuery("SELECT coalesce(max(count), 0) FROM sync_mark")) {
                return row.getInt(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }).join();
    }

    private boolean allSynced() {
        return worker.callSyncedLater(s -> worker.allSynced()).join();
    }

    @Test
    void aCallSyncingAllSyncsWhatWasCommittedUnsyncedBeforeItAndOnlyThen() {
        worker.callSyncedLater(s -> s.events().append(T0, "host", "system", "unsynced")).join();
        assertThat(allSynced()).isFalse();

        worker.syncAll().join();
        assertThat(allSynced()).isTrue();
        assertThat(syncMarks()).as("one row rewritten, so that the commit syncs the log").isEqualTo(1);

        worker.syncAll().join();
        assertThat(syncMarks()).as("nothing unsynced: no write, no sync").isEqualTo(1);

        worker.callSyncedLater(s -> s.events().append(T0, "host", "system", "unsynced again")).join();
        append("synced").join();
        assertThat(allSynced()).as("a synced commit that wrote syncs what came before it").isTrue();
        worker.syncAll().join();
        assertThat(syncMarks()).isEqualTo(1);
    }

    @Test
    void syncLogSyncsWhatWasCommittedUnsyncedFromTheCallersThreadWithoutACommit() {
        worker.callSyncedLater(s -> s.events().append(T0, "host", "system", "unsynced")).join();
        assertThat(allSynced()).isFalse();

        worker.syncLog();
        assertThat(allSynced()).isTrue();
        worker.syncAll().join();
        assertThat(syncMarks()).as("the log is on disk: no commit was needed to sync it").isZero();

        worker.callSyncedLater(s -> s.events().append(T0, "host", "system", "unsynced again")).join();
        assertThat(allSynced()).isFalse();
        worker.syncLog();
        assertThat(allSynced()).isTrue();
    }

    @Test
    void syncLogDoesNotWaitForTheStoreThread() throws Exception {
        worker.callSyncedLater(s -> s.events().append(T0, "host", "system", "unsynced")).join();
        CompletableFuture<Void> held = holdTheThread();
        worker.syncLog(); // returns although the store thread is held
        assertThat(held).isNotDone();
        release.countDown();
        held.join();
        assertThat(allSynced()).isTrue();
    }

    @Test
    void anUnsyncedCommitIsSyncedSoonWhenNothingElseSyncsIt() {
        worker.close();
        worker = StoreWorker.open(dir, "Lab", Duration.ofMillis(50));
        worker.callSyncedLater(s -> s.events().append(T0, "host", "system", "unsynced")).join();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(this::allSynced);
        assertThat(syncMarks()).isEqualTo(1);
    }

    @Test
    void closingSyncsWhatIsNotSyncedYet() {
        worker.callSyncedLater(s -> s.events().append(T0, "host", "system", "unsynced")).join();
        worker.close();
        try (Store store = Store.open(dir); Statement statement = store.connection().createStatement();
             ResultSet row = statement.executeQuery("SELECT count FROM sync_mark")) {
            assertThat(row.getInt(1)).isEqualTo(1);
            assertThat(store.events().count()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aClosedWorkerRefusesCalls() {
        worker.close();
        assertThatThrownBy(() -> append("too late")).isInstanceOf(RejectedExecutionException.class);
    }
}
