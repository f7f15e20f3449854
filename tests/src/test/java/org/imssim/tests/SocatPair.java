package org.imssim.tests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Two connected ptys made by socat ({@code pty,raw,echo=0}), reached through the links
 * {@code dir/ttyA} and {@code dir/ttyB}. Tests that need one are skipped when socat is missing.
 */
public final class SocatPair implements AutoCloseable {

    private final Path dir;
    private final Path a;
    private final Path b;
    private Process socat;

    private SocatPair(Path dir) {
        this.dir = dir;
        this.a = dir.resolve("ttyA");
        this.b = dir.resolve("ttyB");
    }

    /** Skips the calling test unless socat is on the PATH. */
    public static void assumeSocat() {
        boolean found = false;
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            found |= Files.isExecutable(Path.of(d, "socat"));
        }
        assumeTrue(found, "socat is not installed");
    }

    /** The pair's paths in {@code dir}, socat not started yet. */
    public static SocatPair in(Path dir) {
        assumeSocat();
        return new SocatPair(dir);
    }

    /** Starts socat and waits until both links exist. */
    public SocatPair start() throws IOException {
        socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(a) && Files.exists(b));
        return this;
    }

    public Path a() {
        return a;
    }

    public Path b() {
        return b;
    }

    /** Ends socat: both ptys go away. */
    public void stop() {
        if (socat != null) {
            socat.destroy();
            try {
                if (!socat.waitFor(5, TimeUnit.SECONDS)) {
                    socat.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            socat = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
