package org.imssim.firmware.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unit's store thread: it owns the {@link Store} and runs every read and write on it, one at a
 * time, in submission order, so the event loop never waits for the disk.
 *
 * <p><b>Group commit.</b> Calls that wait while the thread is busy run together when it is free,
 * in their order, as one transaction with one commit. Each call still stands or falls alone: one
 * that throws is undone by itself (a savepoint) and its future fails, the others' writes are kept.
 * No future completes before the commit it depends on; when the commit fails, every call of the
 * group fails with it.
 *
 * <p><b>Durability.</b> Three kinds of call:
 * <ul>
 *   <li>{@link #call}: when its future completes, its writes survive a power cut (the commit was
 *       synced to disk);</li>
 *   <li>{@link #callSyncedLater}: when its future completes, its writes survive a crash of the
 *       process (the commit is in the file's log, not yet synced); a power cut may lose them until
 *       a synced commit follows, which the worker makes within {@link #SYNC_WITHIN} at the latest.
 *       For writes whose loss to a power cut only repeats work, and for writes that are synced
 *       before anyone is told of them ({@link #callSyncingAll});</li>
 *   <li>{@link #callSyncingAll}: as {@link #call}, and when it completes, every commit made before
 *       it survives a power cut too: one sync for all of them.</li>
 * </ul>
 * A group with any call of the first or third kind is committed synced, with everything in it.
 *
 * <p><b>Syncing off the store thread.</b> A synced commit holds the store thread for the length of
 * the disk's flush, and every call behind it waits (about a millisecond here, far more on an SD
 * card). A thread that needs what was committed so far to be on disk before it acts, but has
 * nothing to write, calls {@link #syncLog()} instead: it forces the store's write-ahead log to
 * disk itself, while the store thread goes on committing. A commit is whole in the log once
 * SQLite has written it, and SQLite finds it there after a power cut once the log is on disk;
 * SQLite syncs the log itself before it copies the log into the database file.
 */
public final class StoreWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoreWorker.class);

    /** At most this many calls share a commit, so that one group's transaction stays short. */
    static final int LARGEST_GROUP = 64;
    /** An unsynced commit is synced at the latest this long after it, when nothing synced came meanwhile. */
    public static final Duration SYNC_WITHIN = Duration.ofMillis(50);

    private final ScheduledThreadPoolExecutor thread;
    private final Store store;
    private final Duration syncWithin;
    private final Queue<Call<?>> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean runQueued = new AtomicBoolean();
    private final List<Consumer<Store>> riders = new CopyOnWriteArrayList<>();
    /** The store's write-ahead log, which {@link #syncLog()} forces to disk. */
    private final Path logFile;
    /** Commits that wrote without a sync, counted by the store thread once each is done. */
    private final AtomicLong unsyncedCommits = new AtomicLong();
    /** {@link #unsyncedCommits} as it stood at the last synced commit or completed {@link #syncLog()}. */
    private final AtomicLong syncedThrough = new AtomicLong();
    private final Object syncingLog = new Object();
    /** Whether the store is in WAL mode, so that {@link #logFile} holds its commits. */
    private final boolean writeAheadLog;
    // Store thread only:
    /** Whether the store syncs its commits now; set before each group as the group needs. */
    private boolean commitsSynced = true;
    /** Whether a sync is scheduled for the unsynced commits. */
    private boolean syncScheduled;

    private StoreWorker(ScheduledThreadPoolExecutor thread, Store store, Duration syncWithin, Path logFile,
                        boolean writeAheadLog) {
        this.thread = thread;
        this.store = store;
        this.syncWithin = syncWithin;
        this.logFile = logFile;
        this.writeAheadLog = writeAheadLog;
    }

    /**
     * Opens the store in {@code dir} on a new store thread; blocks until it is open.
     *
     * @throws StoreException with a sentence for the operator when it cannot be opened
     */
    public static StoreWorker open(Path dir, String unitName) {
        return open(dir, unitName, SYNC_WITHIN);
    }

    /** As {@link #open(Path, String)}, syncing unsynced commits within {@code syncWithin} (tests). */
    static StoreWorker open(Path dir, String unitName, Duration syncWithin) {
        ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "imssim-store-" + unitName);
            t.setDaemon(true);
            return t;
        });
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // close syncs what is left
        try {
            Store store = CompletableFuture.supplyAsync(() -> Store.open(dir), thread).join();
            boolean writeAheadLog = CompletableFuture.supplyAsync(store::inWalMode, thread).join();
            return new StoreWorker(thread, store, syncWithin, dir.resolve(Store.FILE_NAME + "-wal"), writeAheadLog);
        } catch (java.util.concurrent.CompletionException e) {
            thread.shutdownNow();
            if (e.getCause() instanceof StoreException se) {
                throw se;
            }
            throw e;
        }
    }

    /**
     * Runs {@code work} on the store thread, in its own transaction or sharing one with other calls
     * (see the class comment); the future completes with its result or its failure once what it
     * wrote is committed and synced.
     *
     * @throws RejectedExecutionException when the worker is closed
     */
    public <T> CompletableFuture<T> call(Function<Store, T> work) {
        return submit(work, Sync.THIS);
    }

    /**
     * As {@link #call}, for a write whose loss on a power cut costs only repeated work, or that is
     * synced before anyone learns of it: its future completes once it is committed without a disk
     * sync, so it survives a crash of the process; the next synced commit, at the latest
     * {@link #SYNC_WITHIN} later, makes it survive a power cut too. When it shares a commit with a
     * synced call, it is synced with it.
     */
    public <T> CompletableFuture<T> callSyncedLater(Function<Store, T> work) {
        return submit(work, Sync.LATER);
    }

    /**
     * As {@link #call}, and every commit made before it is synced with it: when the future
     * completes, nothing committed before the call can be lost to a power cut. Costs one sync when
     * something was committed unsynced, none otherwise (besides {@code work}'s own).
     */
    public <T> CompletableFuture<T> callSyncingAll(Function<Store, T> work) {
        return submit(work, Sync.ALL);
    }

    /** {@link #callSyncingAll} with nothing else to do. */
    public CompletableFuture<Void> syncAll() {
        return callSyncingAll(s -> null);
    }

    /**
     * Makes every commit whose call completed before this one survive a power cut, as
     * {@link #syncAll()} does, but on the calling thread: it forces the store's log to disk while
     * the store thread goes on (see the class comment). Does nothing when nothing is unsynced.
     * Blocks for the disk; any thread but the store thread.
     *
     * @throws StoreException when the log cannot be forced; what it was to sync may then be lost to a power cut
     * @throws RejectedExecutionException when the worker is closed (closing syncs what is left)
     */
    public void syncLog() {
        long through = unsyncedCommits.get();
        if (through <= syncedThrough.get()) {
            return;
        }
        if (!writeAheadLog) {
            syncAll().join(); // no log of its own to force: a synced commit on the store thread
            return;
        }
        if (thread.isShutdown()) {
            // Closing syncs what is left; the log may be gone already.
            throw new RejectedExecutionException("The store is closed.");
        }
        synchronized (syncingLog) {
            if (through <= syncedThrough.get()) {
                return; // another thread's force covered it meanwhile
            }
            // Opened for writing (never created): some systems flush no file opened read-only.
            try (FileChannel file = FileChannel.open(logFile, StandardOpenOption.WRITE)) {
                file.force(false); // the data, and the length that reads it back
            } catch (IOException e) {
                throw new StoreException(StoreException.Reason.FAILED, "The change could not be stored.", e);
            }
            syncedThrough.accumulateAndGet(through, Math::max);
        }
    }

    /** Whether a commit that wrote something is not synced yet. Any thread. */
    private boolean unsynced() {
        return unsyncedCommits.get() > syncedThrough.get();
    }

    private <T> CompletableFuture<T> submit(Function<Store, T> work, Sync sync) {
        Call<T> call = new Call<>(work, sync, new CompletableFuture<>());
        waiting.add(call);
        if (runQueued.compareAndSet(false, true)) {
            try {
                thread.execute(this::runWaiting);
            } catch (RejectedExecutionException e) {
                // Closed: this call and any that queued behind it meanwhile will never run.
                waiting.remove(call);
                for (Call<?> left = waiting.poll(); left != null; left = waiting.poll()) {
                    left.future.completeExceptionally(new CompletionException(e));
                }
                runQueued.set(false);
                throw e;
            }
        }
        return call.future;
    }

    /**
     * Adds a write that rides along with every commit: it runs on the store thread at the end of
     * each group's transaction, after the calls, under a savepoint of its own (a failure is logged
     * and undoes only it). For writes that are queued for a call of their own anyway, like the
     * event history's, so that they share the commit of whatever runs first.
     */
    public void addRider(Consumer<Store> rider) {
        riders.add(Objects.requireNonNull(rider, "rider"));
    }

    /** On the store thread: runs the calls waiting now as groups. */
    private void runWaiting() {
        runQueued.set(false); // calls added from here on queue another run, or are taken by this one
        List<Call<?>> group = new ArrayList<>();
        for (Call<?> call = waiting.poll(); call != null; call = waiting.poll()) {
            group.add(call);
            if (group.size() == LARGEST_GROUP) {
                runGroup(group);
                group = new ArrayList<>();
            }
        }
        if (!group.isEmpty()) {
            runGroup(group);
        }
    }

    private void runGroup(List<Call<?>> group) {
        int from = 0;
        while (from < group.size()) {
            from = runInOneCommit(group, from);
        }
    }

    /**
     * Runs {@code group} from {@code from} on in one transaction, each call under a savepoint, then
     * completes their futures.
     *
     * @return the index of the first call not run: the size of the group, unless SQLite undid the
     *         transaction itself, after which the rest runs in a transaction of its own
     */
    private int runInOneCommit(List<Call<?>> group, int from) {
        int end = group.size();
        Object[] results = new Object[end];
        Throwable[] failures = new Throwable[end];
        int[] ran = {from};
        List<Call<?>> part = group.subList(from, end);
        boolean synced = part.stream().anyMatch(c -> c.sync != Sync.LATER);
        boolean syncingAll = part.stream().anyMatch(c -> c.sync == Sync.ALL);
        long changesBefore;
        try {
            if (synced != commitsSynced) {
                store.syncCommits(synced);
                commitsSynced = synced;
            }
            changesBefore = store.totalChanges();
            store.inTransaction(() -> {
                for (int i = from; i < end; i++) {
                    ran[0] = i + 1;
                    Call<?> call = group.get(i);
                    try {
                        results[i] = store.inSavepoint(() -> call.work.apply(store));
                    } catch (Store.TransactionLost lost) {
                        throw lost;
                    } catch (RuntimeException | Error e) {
                        failures[i] = e;
                    }
                }
                for (Consumer<Store> rider : riders) {
                    try {
                        store.inSavepoint(() -> {
                            rider.accept(store);
                            return null;
                        });
                    } catch (Store.TransactionLost lost) {
                        throw lost;
                    } catch (RuntimeException e) {
                        log.error("A write riding along with a commit failed", e);
                    }
                }
                if (syncingAll && unsynced()) {
                    store.writeSyncMark(); // a write, so that the synced commit syncs the log
                }
            });
        } catch (Store.TransactionLost lost) {
            log.error("SQLite rolled back a group of {} store calls and what rode along: {}", ran[0] - from,
                    lost.getMessage());
            failAll(group, from, ran[0], lost.reason());
            return ran[0];
        } catch (RuntimeException | Error e) {
            // BEGIN or COMMIT failed: nothing of the group is stored, the riders' writes neither.
            // Every call of it fails, those not run too: the store is failing now.
            log.error("A group of {} store calls could not be committed", end - from, e);
            failAll(group, from, end, e);
            return end;
        }
        committed(synced, changesBefore);
        for (int i = from; i < end; i++) {
            complete(group.get(i), results[i], failures[i]);
        }
        return end;
    }

    /** Keeps account of unsynced commits, and has them synced within {@link #syncWithin}. */
    private void committed(boolean synced, long changesBefore) {
        boolean wrote;
        try {
            wrote = store.totalChanges() != changesBefore;
        } catch (RuntimeException e) {
            wrote = true; // assume the worst: a sync too many costs little
        }
        if (!wrote) {
            return;
        }
        if (synced) {
            // The log is synced as a whole, with what came before.
            syncedThrough.accumulateAndGet(unsyncedCommits.get(), Math::max);
            return;
        }
        unsyncedCommits.incrementAndGet();
        if (!syncScheduled) {
            syncScheduled = true;
            try {
                thread.schedule(() -> {
                    syncScheduled = false;
                    if (unsynced()) {
                        syncAll();
                    }
                }, syncWithin.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                syncScheduled = false; // closing: close() syncs
            }
        }
    }

    /** Whether every commit so far that wrote something is on disk (tests, and a unit's health). Any thread. */
    public boolean allSynced() {
        return !unsynced();
    }

    private static void failAll(List<Call<?>> group, int from, int to, Throwable failure) {
        for (int i = from; i < to; i++) {
            group.get(i).future.completeExceptionally(new CompletionException(failure));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Call<T> call, Object result, Throwable failure) {
        if (failure != null) {
            // Wrapped as CompletableFuture.supplyAsync wraps, which callers have always seen.
            call.future.completeExceptionally(new CompletionException(failure));
        } else {
            call.future.complete((T) result);
        }
    }

    /** Finishes what was submitted, syncs what is not yet synced, then closes the store. Closing again does nothing. */
    @Override
    public synchronized void close() {
        if (thread.isShutdown()) {
            return;
        }
        thread.execute(() -> {
            if (unsynced()) {
                try {
                    store.syncCommits(true);
                    store.writeSyncMark();
                } catch (RuntimeException e) {
                    log.error("The last changes could not be synced before closing", e);
                }
            }
            store.close();
        });
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("The store thread did not finish within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What a call needs synced before its future completes. */
    private enum Sync {
        /** Its own writes. */
        THIS,
        /** Nothing: a crash of the process cannot lose its writes, and a sync follows soon. */
        LATER,
        /** Its own writes and every commit before it. */
        ALL
    }

    private record Call<T>(Function<Store, T> work, Sync sync, CompletableFuture<T> future) {
    }
}
