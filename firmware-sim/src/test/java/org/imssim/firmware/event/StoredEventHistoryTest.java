package org.imssim.firmware.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.imssim.firmware.store.StoreWorker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durable event history: events are written by their own flush, queued on the loop, or ride
 * along with whatever the store thread commits first. The loop here is a queue the test runs by
 * hand, so the flush runs exactly when the test says.
 */
class StoredEventHistoryTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;
    private StoreWorker store;
    private final Queue<Runnable> loopTasks = new ArrayDeque<>();
    private final Executor loop = loopTasks::add;
    private StoredEventHistory events;

    @BeforeEach
    void open() {
        store = StoreWorker.open(dir, "Lab");
        events = new StoredEventHistory(store, () -> T0, loop);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private long stored() {
        return store.call(s -> s.events().count()).join();
    }

    private void runLoop() {
        for (Runnable task = loopTasks.poll(); task != null; task = loopTasks.poll()) {
            task.run();
        }
    }

    @Test
    void anEventRecordedBeforeAnotherCommitIsStoredWithIt() {
        events.record("host", EventSource.MAIL, "Command from alice: status");
        assertThat(loopTasks).as("its own flush is queued on the loop, not run").hasSize(1);

        // A command's reply, committed before the loop gets to the flush.
        store.call(s -> s.events().append(T0, "host", "system", "the reply's commit")).join();
        assertThat(stored()).as("the event rode along with that commit").isEqualTo(2);

        runLoop();
        store.call(s -> null).join();
        assertThat(stored()).as("the flush finds nothing left to write").isEqualTo(2);
    }
}
