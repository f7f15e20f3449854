package org.imssim.tests.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the benchmarks of the {@code bench} profile and writes their figures to
 * {@code <out>/results.md}: {@code mvn -B -Pbench -pl tests -am -DskipTests verify}.
 *
 * <p>Every figure stands beside a baseline measured in the same run, because these machines are
 * shared and noisy: ratios travel, absolute numbers do not.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path out = Path.of(args.length > 1 ? args[1] : "tests/target/bench").toAbsolutePath();
        Files.createDirectories(out);
        // The profile runs this in a forked JVM that Maven's -D options do not reach; BENCH_ONLY does.
        String only = System.getProperty("bench.only", System.getenv().getOrDefault("BENCH_ONLY", ""));

        List<String> sections = new ArrayList<>();
        sections.add("# imssim benchmark results\n\n" + ZonedDateTime.now() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version") + "\n");
        if (only.isEmpty() || only.contains("startup")) {
            sections.add(new StartupBenchmark(repo, out).run());
        }
        if (only.isEmpty() || only.contains("outbox")) {
            sections.add(new OutboxBenchmark(out).run());
        }
        if (only.isEmpty() || only.contains("alarm")) {
            sections.add(new AlarmLatencyBenchmark(out).run());
        }
        if (only.isEmpty() || only.contains("commands")) {
            sections.add(new CommandBenchmark(out).run());
        }
        if (only.isEmpty() || only.contains("outlets")) {
            sections.add(new OutletBenchmark(out).run());
        }
        if (only.isEmpty() || only.contains("serial")) {
            sections.add(new SerialBenchmark(out).run());
        }
        String report = String.join("\n", sections);
        Files.writeString(out.resolve("results.md"), report);
        System.out.println(report);
        System.out.println("Written to " + out.resolve("results.md"));
        System.exit(0); // Netty's global executor lingers; a benchmark run ends when its report is written.
    }

    static void check(boolean condition, String sentence) throws IOException {
        if (!condition) {
            throw new IOException(sentence);
        }
    }
}
