package org.imssim.firmware.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.imssim.firmware.store.SeenMessages.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What was committed is there after the unit died without closing its store. */
class CrashTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void committedRowsAreVisibleToAFreshOpenWhileTheFirstStoreWasNeverClosed() {
        Store abandoned = Store.open(dir);
        try {
            abandoned.events().append(T0, "host", "system", "Unit started");
            StoredMail mail = abandoned.outbox().enqueue("<a@unit>", "unit@example.com", "ann@example.com",
                    "IMS-4000 ALARM: Lab - Freezer - High", "body", Map.of(), "alarm", T0);
            abandoned.seenMessages().markSeenWithReplies("<q@client>", T0, List.of());
            abandoned.outletStates().store(1, 1, "ON", T0);

            try (Store fresh = Store.open(dir)) {
                assertThat(fresh.events().newest(10)).extracting(StoredEvent::text).containsExactly("Unit started");
                assertThat(fresh.outbox().find(mail.id())).contains(mail);
                assertThat(fresh.seenMessages().lookup("<q@client>")).isEqualTo(State.SEEN);
                assertThat(fresh.outletStates().load()).containsKey(new OutletAddress(1, 1));
            }
        } finally {
            abandoned.close(); // only so the temporary directory can be cleaned up
        }
    }

    @Test
    void aProcessThatDiesKeepsWhatItCommittedAndNothingOfItsOpenTransaction() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path output = dir.resolveSibling(dir.getFileName() + "-child.log");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingUnit.class.getName(), dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean ended = child.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            child.destroyForcibly();
        }
        String log = Files.exists(output) ? Files.readString(output) : "";
        Files.deleteIfExists(output);
        assertThat(ended).as("child ended; output:%n%s", log).isTrue();
        assertThat(child.exitValue()).as("child exit; output:%n%s", log).isEqualTo(CrashingUnit.EXIT);
        // Nothing was checkpointed: what follows is read back from the write-ahead log.
        assertThat(new File(dir.toFile(), "imssim.db-wal")).isFile().isNotEmpty();

        try (Store store = Store.open(dir)) {
            assertThat(store.events().newest(10)).extracting(StoredEvent::text).containsExactly("Unit started");
            assertThat(store.outbox().due(T0, 10)).extracting(StoredMail::messageId)
                    .containsExactly("<alarm@unit>", "<reply@unit>");
            assertThat(store.outbox().due(T0, 1).get(0).headers())
                    .containsExactly(Map.entry("Auto-Submitted", "auto-generated"));
            assertThat(store.seenMessages().inProgress()).containsExactly("<crashed@client>");
            assertThat(store.seenMessages().lookup("<q@client>")).isEqualTo(State.SEEN);
            assertThat(store.outletStates().load()).containsEntry(new OutletAddress(1, 2),
                    new CommandedState("OFF", T0));
            assertThat(store.occurrences().open()).extracting(StoredOccurrence::code).containsExactly("12345678");
        }
    }
}
