package org.imssim.firmware.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unit's store thread: it owns the {@link Store} and runs every read and write on it, one at a
 * time, in submission order, so the event loop never waits for the disk. A write is durable when
 * the future of its call completes.
 *
 * <p><b>Group commit.</b> Calls that wait while the thread is busy run together when it is free,
 * in their order, as one transaction with one synced commit: the mailbox's reply, the events of
 * the command and the outbox's removals of a moment share one disk sync instead of taking one
 * each. Each call still stands or falls alone: one that throws is undone by itself (a savepoint)
 * and its future fails, the others' writes are kept. No future completes before the commit it
 * depends on; when the commit fails, every call of the group fails with it.
 */
public final class StoreWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoreWorker.class);

    /** At most this many calls share a commit, so that one group's transaction stays short. */
    static final int LARGEST_GROUP = 64;

    private final ExecutorService thread;
    private final Store store;
    private final Queue<Call<?>> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean runQueued = new AtomicBoolean();
    private final List<Consumer<Store>> riders = new CopyOnWriteArrayList<>();
    /** Whether the store syncs its commits now; set before each group as the group needs. Store thread only. */
    private boolean commitsSynced = true;

    private StoreWorker(ExecutorService thread, Store store) {
        this.thread = thread;
        this.store = store;
    }

    /**
     * Opens the store in {@code dir} on a new store thread; blocks until it is open.
     *
     * @throws StoreException with a sentence for the operator when it cannot be opened
     */
    public static StoreWorker open(Path dir, String unitName) {
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "imssim-store-" + unitName);
            t.setDaemon(true);
            return t;
        });
        try {
            Store store = CompletableFuture.supplyAsync(() -> Store.open(dir), thread).join();
            return new StoreWorker(thread, store);
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
        return submit(work, true);
    }

    /**
     * As {@link #call}, for a write whose loss on a power cut costs only repeated work (an outbox
     * removal after the server accepted the mail: the mail goes again, at least once as SPEC §6
     * says). Its future completes once it is committed without a disk sync, so it survives a crash
     * of the process; the next synced commit makes it survive a power cut too. When it shares a
     * commit with a {@link #call}, it is synced with it.
     */
    public <T> CompletableFuture<T> callSyncedLater(Function<Store, T> work) {
        return submit(work, false);
    }

    private <T> CompletableFuture<T> submit(Function<Store, T> work, boolean synced) {
        Call<T> call = new Call<>(work, synced, new CompletableFuture<>());
        waiting.add(call);
        if (runQueued.compareAndSet(false, true)) {
            try {
                thread.execute(this::runWaiting);
            } catch (RejectedExecutionException e) {
                waiting.remove(call);
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
        boolean synced = group.subList(from, end).stream().anyMatch(Call::synced);
        try {
            if (synced != commitsSynced) {
                store.syncCommits(synced);
                commitsSynced = synced;
            }
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
                // The riders' writes are the unit's record: they ride along only with a synced commit.
                for (Consumer<Store> rider : synced ? riders : List.<Consumer<Store>>of()) {
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
            });
        } catch (Store.TransactionLost lost) {
            log.error("SQLite rolled back a group of {} store calls and what rode along: {}", ran[0] - from,
                    lost.getMessage());
            failAll(group, from, ran[0], lost.reason());
            return ran[0];
        } catch (RuntimeException | Error e) {
            // BEGIN or COMMIT failed: nothing of the group is stored, the riders' writes neither.
            log.error("A group of {} store calls could not be committed", ran[0] - from, e);
            failAll(group, from, ran[0], e);
            return ran[0];
        }
        for (int i = from; i < end; i++) {
            complete(group.get(i), results[i], failures[i]);
        }
        return end;
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

    /** Finishes what was submitted, then closes the store. Closing again does nothing. */
    @Override
    public synchronized void close() {
        if (thread.isShutdown()) {
            return;
        }
        thread.execute(store::close);
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("The store thread did not finish within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Call<T>(Function<Store, T> work, boolean synced, CompletableFuture<T> future) {
    }
}
