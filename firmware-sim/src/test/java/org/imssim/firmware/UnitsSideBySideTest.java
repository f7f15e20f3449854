package org.imssim.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.EventExecutor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.imssim.firmware.event.Event;
import org.imssim.firmware.loop.VirtualClock;
import org.imssim.firmware.store.StoreWorker;
import org.imssim.firmware.testing.UnitFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Units are objects, never process-wide singletons: several share one event loop, each with its own state. */
class UnitsSideBySideTest {

    @TempDir
    Path dir;

    @Test
    void twoUnitsOnOneEventLoopKeepTheirOwnStateStoreAndClock() {
        MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventExecutor loop = group.next();
        VirtualClock clockA = new VirtualClock(loop, Instant.parse("2026-01-01T00:00:00Z"));
        VirtualClock clockB = new VirtualClock(loop, Instant.parse("2026-06-01T00:00:00Z"));
        UnitFirmware a = new UnitFirmware(UnitFixture.load("unit: {name: A}\npowergates: [{number: 1, outlets: 1}]\n", Map.of()),
                loop, clockA, StoreWorker.open(dir.resolve("a"), "A"));
        UnitFirmware b = new UnitFirmware(UnitFixture.load("unit: {name: B}\npowergates: [{number: 1, outlets: 1, power-up: off}]\n", Map.of()),
                loop, clockB, StoreWorker.open(dir.resolve("b"), "B"));
        try {
            a.start().join();
            b.start().join();
            List<Event> eventsA = a.onLoop(() -> a.events().newest(10)).join().toCompletableFuture().join();
            List<Event> eventsB = b.onLoop(() -> b.events().newest(10)).join().toCompletableFuture().join();
            assertThat(eventsA).extracting(Event::time).allMatch(t -> t.equals(Instant.parse("2026-01-01T00:00:00Z")));
            assertThat(eventsB).extracting(Event::time).allMatch(t -> t.equals(Instant.parse("2026-06-01T00:00:00Z")));
            assertThat(a.onLoop(() -> a.hardware().powergates().get(1).outlet(1).state().name()).join()).isEqualTo("ON");
            assertThat(b.onLoop(() -> b.hardware().powergates().get(1).outlet(1).state().name()).join()).isEqualTo("OFF");
        } finally {
            a.stop();
            b.stop();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
