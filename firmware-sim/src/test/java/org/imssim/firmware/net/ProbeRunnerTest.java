package org.imssim.firmware.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.util.concurrent.DefaultEventExecutor;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProbeRunnerTest {

    private final DefaultEventExecutor loop = new DefaultEventExecutor();
    private final ExecutorService net = Executors.newFixedThreadPool(2);
    private final CountDownLatch release = new CountDownLatch(1);

    /** A probe whose runs last until the test releases them. */
    private final NetworkProbe held = new NetworkProbe() {
        @Override
        public String ping(Target target) {
            hold(release);
            return "pinged " + target.text();
        }

        @Override
        public String trace(Target target) {
            hold(release);
            return "traced " + target.text();
        }

        @Override
        public boolean answers(Target target, Duration timeout) {
            return true;
        }
    };

    private final ProbeRunner runner = new ProbeRunner(held, net, loop);

    @AfterEach
    void stop() {
        release.countDown();
        net.shutdownNow();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private CompletionStage<String> onLoop(java.util.function.Supplier<CompletionStage<String>> call) {
        return CompletableFuture.supplyAsync(call, loop).thenCompose(s -> s);
    }

    @Test
    void twoRunsAtOnceOnePerProfileThenBusy() {
        Target target = Target.parse("127.0.0.1").orElseThrow();
        CompletableFuture<String> alice = onLoop(() -> runner.ping("alice", target)).toCompletableFuture();
        CompletableFuture<String> bob = onLoop(() -> runner.trace("bob", target)).toCompletableFuture();
        assertThat(onLoop(() -> runner.ping("ALICE", target)).toCompletableFuture().join()).isEqualTo(ProbeRunner.BUSY);
        assertThat(onLoop(() -> runner.ping("carol", target)).toCompletableFuture().join()).isEqualTo(ProbeRunner.BUSY);

        release.countDown();
        assertThat(alice.join()).isEqualTo("pinged 127.0.0.1");
        assertThat(bob.join()).isEqualTo("traced 127.0.0.1");
        await().atMost(Duration.ofSeconds(5)).until(() ->
                onLoop(() -> runner.ping("carol", target)).toCompletableFuture().join().equals("pinged 127.0.0.1"));
    }
}
