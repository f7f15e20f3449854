package org.imssim.firmware.net;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Runs pings and traces on the unit's network threads (their own, so a long trace never delays an
 * alarm mail), at most two at once and one per profile (SPEC §7); a request over that is answered
 * {@value #BUSY}. Loop-confined: {@link #run} is called on the unit's event loop, and the counts
 * are released there too.
 */
public final class ProbeRunner {

    public static final String BUSY = "The unit is busy; try again in a minute.";
    static final int AT_ONCE = 2;

    private final NetworkProbe probe;
    private final Executor netThreads;
    private final Executor loop;
    private final Set<String> running = new HashSet<>();

    public ProbeRunner(NetworkProbe probe, Executor netThreads, Executor loop) {
        this.probe = probe;
        this.netThreads = netThreads;
        this.loop = loop;
    }

    public CompletionStage<String> ping(String username, Target target) {
        return run(username, p -> p.ping(target));
    }

    public CompletionStage<String> trace(String username, Target target) {
        return run(username, p -> p.trace(target));
    }

    private CompletionStage<String> run(String username, Function<NetworkProbe, String> work) {
        String key = username.toLowerCase(Locale.ROOT);
        if (running.size() >= AT_ONCE || running.contains(key)) {
            return CompletableFuture.completedFuture(BUSY);
        }
        running.add(key);
        return CompletableFuture.supplyAsync(() -> work.apply(probe), netThreads)
                .whenCompleteAsync((text, failure) -> running.remove(key), loop);
    }
}
