package org.imssim.devices.powergate.serial;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A single thread standing in for the unit's event loop in tests. */
final class UnitLoop implements AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-unit-loop");
        t.setDaemon(true);
        return t;
    });

    ExecutorService executor() {
        return thread;
    }

    /** Runs {@code work} on the loop and returns its result (or throws what it threw). */
    <T> T call(Callable<T> work) throws Exception {
        try {
            return thread.submit(work).get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    void run(Runnable work) throws Exception {
        call(() -> {
            work.run();
            return null;
        });
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
