package org.imssim.firmware.store;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures the latency of one small write transaction with {@code synchronous=FULL} (what the store
 * uses) against {@code NORMAL}. Not a test: run it by hand, on the disk the unit will use:
 * {@code mvn -pl firmware-sim -am test -Dtest=WriteLatencyMeasurement -Dimssim.measure=true
 * -Dsurefire.failIfNoSpecifiedTests=false}. Set {@code java.io.tmpdir} to put the file elsewhere.
 */
@EnabledIfSystemProperty(named = "imssim.measure", matches = "true")
class WriteLatencyMeasurement {

    private static final int WARM_UP = 50;
    private static final int ROUNDS = 500;
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void fullAgainstNormal() throws SQLException {
        try (Store store = Store.open(dir)) {
            for (String mode : List.of("FULL", "NORMAL", "FULL", "NORMAL")) {
                try (Statement s = store.connection().createStatement()) {
                    s.execute("PRAGMA synchronous = " + mode);
                }
                measure(mode, "event append",
                        i -> store.events().append(T0, "host", "system", "Unit started " + i));
                measure(mode, "outbox enqueue, 3 headers",
                        i -> store.outbox().enqueue(alarmMail(unique("alarm"))));
                measure(mode, "seen + 1 reply",
                        i -> store.seenMessages().markSeenWithReplies(unique("q"), T0, List.of(reply(unique("r")))));
            }
        }
    }

    private static String unique(String prefix) {
        return "<" + prefix + "-" + System.nanoTime() + "@unit>";
    }

    private static NewMail alarmMail(String messageId) {
        return new NewMail(messageId, "unit@example.com", "ann@example.com", "IMS-4000 ALARM: Lab - Freezer - High",
                "body ".repeat(60), Map.of("Auto-Submitted", "auto-generated", "Reply-To", "in@example.com",
                "X-Mailer", "imssim"), "alarm", T0);
    }

    private static NewMail reply(String messageId) {
        return new NewMail(messageId, "unit@example.com", "ann@example.com", "Re: ims4000", "Status", Map.of(),
                "reply", T0);
    }

    private static void measure(String mode, String what, IntConsumer write) {
        for (int i = 0; i < WARM_UP; i++) {
            write.accept(i);
        }
        long[] nanos = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            write.accept(WARM_UP + i);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(0);
        System.out.printf(Locale.ROOT,
                "synchronous=%-6s %-26s median %7.3f ms  p90 %7.3f ms  p99 %7.3f ms  mean %7.3f ms%n", mode, what,
                nanos[ROUNDS / 2] / 1e6, nanos[ROUNDS * 9 / 10] / 1e6, nanos[ROUNDS * 99 / 100] / 1e6, mean / 1e6);
    }
}
