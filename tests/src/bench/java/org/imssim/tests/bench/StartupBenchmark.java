package org.imssim.tests.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Start-up time: from process start to {@code GET /api/health} answering 200, for
 * {@code java -jar imssim.jar run --config F}, for the same through the {@code ./imssim} launcher
 * (which maps the class-data archive its first {@code run} wrote), and for a bare JVM that starts
 * a Netty server on loopback ({@link BareNettyServer}), interleaved in the same run.
 */
final class StartupBenchmark {

    private static final int ROUNDS = Integer.getInteger("bench.startup.rounds", 10);

    private final Path repo;
    private final Path out;

    StartupBenchmark(Path repo, Path out) {
        this.repo = repo;
        this.out = out;
    }

    String run() throws Exception {
        Path jar = repo.resolve("firmware-sim/target/imssim.jar");
        Benchmarks.check(Files.isRegularFile(jar), "imssim.jar is missing; run the bench profile with -am so that it is built.");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");

        double[] unit = new double[ROUNDS];
        double[] launched = new double[ROUNDS];
        double[] bare = new double[ROUNDS];
        // One unmeasured start of each warms the page cache, as on a unit that has run before.
        Command imssim = port -> imssimCommand(java, jar, port);
        Command baseline = port -> List.of(java, "-cp", classpath, BareNettyServer.class.getName(), Integer.toString(port));
        Command launcher = port -> launcherCommand(port);
        timeToHealth(imssim);
        timeToHealth(baseline);
        // The launcher's first run after a build writes its archive as it exits.
        Files.deleteIfExists(repo.resolve("firmware-sim/target/imssim.jsa"));
        timeToHealth(launcher);
        Benchmarks.check(Files.isRegularFile(repo.resolve("firmware-sim/target/imssim.jsa")),
                "The launcher wrote no class-data archive.");
        for (int i = 0; i < ROUNDS; i++) {
            bare[i] = timeToHealth(baseline);
            unit[i] = timeToHealth(imssim);
            launched[i] = timeToHealth(launcher);
        }
        Stats u = Stats.of(unit);
        Stats l = Stats.of(launched);
        Stats b = Stats.of(bare);
        return "## Start-up: process start → /api/health answers\n\n"
                + "`mvn -B -Pbench -pl tests -am -DskipTests verify` (" + ROUNDS + " interleaved rounds)\n\n"
                + "| what | p50 | p90 | max |\n|---|---|---|---|\n"
                + "| bare JVM + Netty server on loopback (baseline) | " + Stats.ms(b.p50()) + " | " + Stats.ms(b.p90())
                + " | " + Stats.ms(b.max()) + " |\n"
                + "| `imssim run` (example configuration) | " + Stats.ms(u.p50()) + " | " + Stats.ms(u.p90())
                + " | " + Stats.ms(u.max()) + " |\n"
                + "| `./imssim run` (the launcher, with its class-data archive) | " + Stats.ms(l.p50()) + " | "
                + Stats.ms(l.p90()) + " | " + Stats.ms(l.max()) + " |\n\n"
                + "Ratio imssim / baseline at p50: **" + Stats.ratio(u.p50(), b.p50()) + "** (`java -jar`), **"
                + Stats.ratio(l.p50(), b.p50()) + "** (launcher). Goal: imssim under 1 s.\n";
    }

    private List<String> imssimCommand(String java, Path jar, int port) throws IOException {
        return List.of(java, "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString(), "run", "--config",
                config(port).toString());
    }

    private List<String> launcherCommand(int port) throws IOException {
        return List.of(repo.resolve("imssim").toString(), "run", "--config", config(port).toString());
    }

    private Path config(int port) throws IOException {
        Path dir = Files.createTempDirectory(out, "startup");
        Path config = dir.resolve("imssim.yaml");
        Files.writeString(config, """
                unit: {name: Bench Room, temperature-unit: C, time-zone: UTC}
                storage: {dir: ./data}
                web: {bind: 127.0.0.1, port: %d}
                inputs:
                  - {channel: 1, type: temperature, name: Room Temp, backend: mock}
                  - {channel: 2, type: dry-contact, name: Door, backend: mock}
                powergates:
                  - {number: 1, name: Rack A, outlets: 4, backend: mock}
                profiles:
                  - {username: bench, password: bench, level: master, contacts: [{email: bench@example.com}]}
                """.formatted(port));
        return config;
    }

    /** A command line for a given port. */
    private interface Command {
        List<String> forPort(int port) throws IOException;
    }

    /** Starts the command on a free port and returns ms until {@code /api/health} answers 200. */
    private double timeToHealth(Command template) throws Exception {
        int port = freePort();
        List<String> command = template.forPort(port);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(out.resolve("startup-process.log").toFile()).start();
        try {
            long deadline = start + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                if (healthAnswers(port)) {
                    return (System.nanoTime() - start) / 1e6;
                }
                Benchmarks.check(process.isAlive(), "The process ended before answering; see " + out.resolve("startup-process.log"));
                // Poll every 5 ms: spinning would take one of the machine's two cores from the JVM being measured.
                Thread.sleep(5);
            }
            throw new IOException("No answer from /api/health within 30 s");
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static boolean healthAnswers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(2000);
            OutputStream o = socket.getOutputStream();
            o.write(("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            o.flush();
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(12);
            return new String(head, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200");
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
