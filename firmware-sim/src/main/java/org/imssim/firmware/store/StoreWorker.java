package org.imssim.firmware.store;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unit's store thread: it owns the {@link Store} and runs every read and write on it, one at a
 * time, in submission order, so the event loop never waits for the disk. A write is durable when
 * the future of its call completes.
 */
public final class StoreWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoreWorker.class);

    private final ExecutorService thread;
    private final Store store;

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

    /** Runs {@code work} on the store thread; the future completes with its result or its failure. */
    public <T> CompletableFuture<T> call(Function<Store, T> work) {
        return CompletableFuture.supplyAsync(() -> work.apply(store), thread);
    }

    /** Finishes what was submitted, then closes the store. */
    @Override
    public void close() {
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
}
