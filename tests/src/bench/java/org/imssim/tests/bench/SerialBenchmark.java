package org.imssim.tests.bench;

import static org.imssim.tests.bench.Benchmarks.check;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.imssim.devices.powergate.OutletAction;
import org.imssim.devices.powergate.PowerGateSetup;
import org.imssim.devices.powergate.serial.LineFrame;
import org.imssim.devices.powergate.serial.LineTimings;
import org.imssim.devices.powergate.serial.PowerGateDevice;
import org.imssim.devices.powergate.serial.SerialPowerGate;
import org.imssim.hal.serial.SerialPortLink;

/**
 * Serial PowerGate: outlet operations per second and the round trip of one {@code SET} over a
 * socat pty pair, the unit's {@link SerialPowerGate} on one end and {@link PowerGateDevice} on the
 * other (same JVM), beside a baseline on the same pair in the same run: the same request bytes
 * written with jSerialComm, and a canned reply of the same length written back by the far end as
 * soon as it sees the line end (no parsing, no unit loop).
 *
 * <p>The round trip of a SET runs from the call of {@code command} (posted to the unit's loop)
 * to the moment the line thread hands the reply to the loop. Keep-alive polling is set to an
 * hour so that only SET replies are handed over. Each side has its own socat pair (identical), so
 * that the two are measured in interleaved blocks.
 */
final class SerialBenchmark {

    private static final int OPS = Integer.getInteger("bench.serial.ops", 2000);
    private static final int WARMUP = 300;
    private static final int PIPELINED = 8;
    private static final int BLOCKS = 10;

    private final Path out;

    SerialBenchmark(Path out) {
        this.out = out;
    }

    String run() throws Exception {
        check(socatOnPath(), "The serial benchmark needs socat on the PATH.");
        Path bareDir = Files.createTempDirectory(out, "serial-bare");
        Path unitDir = Files.createTempDirectory(out, "serial-unit");
        Process bareSocat = startSocat(bareDir);
        Process unitSocat = startSocat(unitDir);
        try (Bare bare = new Bare(bareDir.resolve("ttyA").toString(), bareDir.resolve("ttyB").toString());
             Unit unit = new Unit(unitDir.resolve("ttyA").toString(), unitDir.resolve("ttyB").toString())) {
            bare.roundTrips(WARMUP, null, 0);
            unit.roundTrips(WARMUP, null, 0);
            // Interleaved blocks, so that both see the same machine (these machines are shared and noisy).
            double[] bareSamples = new double[OPS];
            double[] unitSamples = new double[OPS];
            int block = OPS / BLOCKS;
            for (int b = 0; b < BLOCKS; b++) {
                if (b % 2 == 0) {
                    bare.roundTrips(block, bareSamples, b * block);
                    unit.roundTrips(block, unitSamples, b * block);
                } else {
                    unit.roundTrips(block, unitSamples, b * block);
                    bare.roundTrips(block, bareSamples, b * block);
                }
            }
            double pipelinedRate = unit.pipelined(OPS);
            Stats bareStats = Stats.of(bareSamples);
            Stats setStats = Stats.of(unitSamples);
            double bareRate = OPS / (sum(bareSamples) / 1000.0);
            double setRate = OPS / (sum(unitSamples) / 1000.0);
            return new StringBuilder()
                    .append("## Serial PowerGate: outlet operations per second and SET round trip over a pty pair\n\n")
                    .append("`mvn -B -Pbench -pl tests -am -DskipTests verify -Dbench.only=serial` (")
                    .append(OPS).append(" operations each, after ").append(WARMUP).append(" unmeasured, in ").append(BLOCKS)
                    .append(" interleaved blocks; two socat `pty,raw,echo=0` pairs, one per side; both ends in this JVM, ")
                    .append("jSerialComm; SerialPowerGate's per-command INFO log line off)\n\n")
                    .append("| what | p50 | p90 | p99 | max | ops/s |\n|---|---|---|---|---|---|\n")
                    .append(row("bare round trip: SET bytes written, a canned STATE reply of the same length written back "
                            + "at the line end (baseline)", bareStats, bareRate))
                    .append(row("imssim: `command(m, ON or OFF)` posted to the loop → SET on the line → PowerGateDevice → "
                            + "STATE reply handed to the loop, one at a time", setStats, setRate))
                    .append("| imssim: ").append(PIPELINED).append(" commands queued at a time (the line still carries one "
                            + "request at a time) | | | | | ").append(rate(pipelinedRate)).append(" |\n\n")
                    .append("Ratios imssim / bare: round trip p50 **").append(Stats.ratio(setStats.p50(), bareStats.p50()))
                    .append("**, p99 **").append(Stats.ratio(setStats.p99(), bareStats.p99()))
                    .append("**; one-at-a-time rate **").append(String.format(Locale.ROOT, "%.2f", setRate / bareRate))
                    .append("**.\n")
                    .toString();
        } finally {
            for (Process socat : new Process[] {bareSocat, unitSocat}) {
                socat.destroy();
                socat.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private static String row(String what, Stats s, double rate) {
        return "| " + what + " | " + us(s.p50()) + " | " + us(s.p90()) + " | " + us(s.p99()) + " | " + us(s.max())
                + " | " + rate(rate) + " |\n";
    }

    private static String us(double ms) {
        return String.format(Locale.ROOT, "%.0f µs", ms * 1000);
    }

    private static String rate(double r) {
        return String.format(Locale.ROOT, "%.0f", r);
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        return total;
    }

    /** The baseline: the bytes a SET and its STATE reply put on the line, with no protocol work. */
    private static final class Bare implements AutoCloseable {
        private final byte[] request = LineFrame.of(1, "SET", "1", "ON").encode();
        private final byte[] reply = LineFrame.of(1, "STATE", "10000000", "10000000").encode();
        private final BlockingQueue<Long> arrived = new LinkedBlockingQueue<>();
        private final SerialPortLink unit;
        private final SerialPortLink far;

        Bare(String a, String b) throws Exception {
            unit = SerialPortLink.open(a, 9600);
            far = SerialPortLink.open(b, 9600);
            far.onReceive(bytes -> {
                for (byte x : bytes) {
                    if (x == '\n') {
                        far.write(reply);
                    }
                }
            });
            unit.onReceive(bytes -> {
                for (byte x : bytes) {
                    if (x == '\n') {
                        arrived.offer(System.nanoTime());
                    }
                }
            });
        }

        void roundTrips(int count, double[] samples, int at) throws Exception {
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                unit.write(request);
                Long end = arrived.poll(5, TimeUnit.SECONDS);
                check(end != null, "The bare echo over the pty pair stopped answering.");
                if (samples != null) {
                    samples[at + i] = (end - start) / 1e6;
                }
            }
        }

        @Override
        public void close() {
            unit.close();
            far.close();
        }
    }

    /** The unit's SerialPowerGate on one end, PowerGateDevice on the other. */
    private static final class Unit implements AutoCloseable {
        private final ExecutorService loop = Executors.newSingleThreadExecutor();
        private final BlockingQueue<Long> handedOver = new LinkedBlockingQueue<>();
        private final PowerGateDevice device = new PowerGateDevice(8);
        private final SerialPortLink far;
        private final SerialPowerGate gate;
        private int next;

        Unit(String a, String b) throws Exception {
            far = SerialPortLink.open(b, 9600);
            far.onReceive(bytes -> {
                byte[] reply = device.receive(bytes);
                if (reply.length > 0) {
                    far.write(reply);
                }
            });
            LineTimings timings = new LineTimings(Duration.ofMillis(500), 3, Duration.ofHours(1), Duration.ofMillis(100),
                    Duration.ofMillis(50), Duration.ofMillis(200));
            gate = new SerialPowerGate(PowerGateSetup.of(1, "Bench", 8), () -> SerialPortLink.open(a, 9600), a,
                    task -> {
                        handedOver.offer(System.nanoTime());
                        loop.execute(task);
                    }, timings);
            gate.start();
            check(handedOver.poll(10, TimeUnit.SECONDS) != null, "The serial PowerGate did not come up.");
            loop.submit(() -> { }).get();
        }

        private OutletAction nextAction(int[] outlet) {
            int n = next++;
            outlet[0] = 1 + n % 8;
            return (n / 8 & 1) == 0 ? OutletAction.ON : OutletAction.OFF;
        }

        void roundTrips(int count, double[] samples, int at) throws Exception {
            for (int i = 0; i < count; i++) {
                int[] outlet = new int[1];
                OutletAction action = nextAction(outlet);
                long start = System.nanoTime();
                loop.submit(() -> gate.command(outlet[0], action, "bench")).get();
                Long end = handedOver.poll(5, TimeUnit.SECONDS);
                check(end != null, "The serial PowerGate stopped answering.");
                if (samples != null) {
                    samples[at + i] = (end - start) / 1e6;
                }
            }
        }

        /** Operations per second with {@link #PIPELINED} commands queued at a time. */
        double pipelined(int count) throws Exception {
            long start = System.nanoTime();
            for (int i = 0; i < count; i += PIPELINED) {
                int batch = Math.min(PIPELINED, count - i);
                loop.submit(() -> {
                    for (int k = 0; k < batch; k++) {
                        int[] outlet = new int[1];
                        OutletAction action = nextAction(outlet);
                        gate.command(outlet[0], action, "bench");
                    }
                }).get();
                for (int k = 0; k < batch; k++) {
                    check(handedOver.poll(5, TimeUnit.SECONDS) != null, "The serial PowerGate stopped answering.");
                }
            }
            return count / ((System.nanoTime() - start) / 1e9);
        }

        @Override
        public void close() throws Exception {
            loop.submit(gate::close).get();
            loop.shutdown();
            far.close();
        }
    }

    private static boolean socatOnPath() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, "socat"))) {
                return true;
            }
        }
        return false;
    }

    private static Process startSocat(Path dir) throws Exception {
        Path a = dir.resolve("ttyA");
        Path b = dir.resolve("ttyB");
        Process socat = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!(Files.exists(a) && Files.exists(b))) {
            check(System.nanoTime() < deadline, "socat did not make its ptys within 5 s: "
                    + Files.readString(dir.resolve("socat.log"), StandardCharsets.UTF_8));
            Thread.onSpinWait();
        }
        return socat;
    }
}
