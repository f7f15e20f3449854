package org.imssim.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code imssim run} and {@code imssim check-config} as a user runs them: a child JVM, exit codes, signals. */
class RunCommandTest {

    @TempDir
    Path dir;

    private Path config(int port) throws Exception {
        Path file = dir.resolve("imssim.yaml");
        Files.writeString(file, """
                unit: {name: Server Room, temperature-unit: F, time-zone: UTC}
                email:
                  smtp: {server: 127.0.0.1, port: 25, security: none}
                  return-address: ims@example.com
                web: {bind: 127.0.0.1, port: %d}
                inputs:
                  - {channel: 1, type: temperature, name: Room Temp, low: 50, high: 85, backend: mock, initial: 72}
                powergates:
                  - {number: 1, name: Rack A, outlets: 4, outlet-names: [Router, Switch, NAS, Camera], backend: mock}
                profiles:
                  - username: alice
                    password: ${ALICE_PASSWORD}
                    level: master
                    contacts: [{email: alice@example.com}]
                """.formatted(port));
        return file;
    }

    @Test
    void runAnswersHealthAndStopsCleanlyOnSigterm() throws Exception {
        int port = Ports.free();
        try (ChildJvm imssim = ChildJvm.start(dir, Map.of("ALICE_PASSWORD", "wonderland"),
                "run", "--config", config(port).toString())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> Http.healthy(port) || !imssim.isAlive());
            HttpResponse<String> health = Http.get(port, "/api/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo(
                    "{\"status\":\"up\",\"smtp\":\"ok\",\"mailbox\":\"off\",\"outbox\":{\"pending\":0,\"oldestSeconds\":0}}");
            assertThat(imssim.stdout()).contains("Server Room is running; API at http://127.0.0.1:" + port + "/");
            assertThat(imssim.stderr()).contains("Configuration loaded: " + dir.resolve("imssim.yaml"))
                    .contains("Unit started");

            imssim.terminate();
            imssim.waitForExit(20);
            assertThat(imssim.stderr()).contains("Shutting down").doesNotContain("Exception");
        }
    }

    @Test
    void runWithAnInvalidFileExits2WithEveryError() throws Exception {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, """
                unit: {name: Server Room}
                powergates:
                  - {number: 1, outlets: 9}
                profiles:
                  - {username: bob, level: boss, contacts: [{email: bob@example.com}]}
                """);
        try (ChildJvm imssim = ChildJvm.start(dir, Map.of(), "run", "--config", file.toString())) {
            assertThat(imssim.waitForExit(30)).isEqualTo(2);
            assertThat(imssim.stderr())
                    .contains("powergates[0].outlets: must be 1 to 8 (line 3)")
                    .contains("profiles[0].password: is required (line 5)")
                    .contains("profiles[0].level: ")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void runWithTheWebPortTakenExits1WithASentence() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             ChildJvm imssim = ChildJvm.start(dir, Map.of("ALICE_PASSWORD", "x"),
                     "run", "--config", config(taken.getLocalPort()).toString())) {
            assertThat(imssim.waitForExit(30)).isEqualTo(1);
            assertThat(imssim.stderr()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .doesNotContain("Exception");
        }
    }

    @Test
    void runWithAStorageFolderThatCannotBeWrittenExits1WithASentence() throws Exception {
        Files.writeString(dir.resolve("not-a-folder"), "x");
        Path file = dir.resolve("storage.yaml");
        Files.writeString(file, "unit: {name: Lab}\nstorage: {dir: not-a-folder/data}\nweb: {port: 0}\n");
        try (ChildJvm imssim = ChildJvm.start(dir, Map.of(), "run", "--config", file.toString())) {
            assertThat(imssim.waitForExit(30)).isEqualTo(1);
            assertThat(imssim.stderr()).contains("imssim: The storage directory " + dir.resolve("not-a-folder/data"))
                    .contains("storage.dir").doesNotContain("Exception");
        }
    }

    @Test
    void runWithAMissingFileExits2() throws Exception {
        try (ChildJvm imssim = ChildJvm.start(dir, Map.of(), "run", "--config", "nowhere.yaml")) {
            assertThat(imssim.waitForExit(30)).isEqualTo(2);
            assertThat(imssim.stderr()).contains("nowhere.yaml").doesNotContain("Exception");
        }
    }

    @Test
    void checkConfigPrintsWarningsAndExits0() throws Exception {
        Path file = dir.resolve("warn.yaml");
        Files.writeString(file, """
                unit: {name: Lab}
                inputs:
                  - {channel: 1, type: temperature, reset-time: 5m}
                """);
        try (ChildJvm check = ChildJvm.start(dir, Map.of(), "check-config", file.toString())) {
            assertThat(check.waitForExit(30)).isEqualTo(0);
            assertThat(check.stderr()).contains("warning: inputs[0].reset-time:")
                    .contains("warning: email.smtp.server")
                    .doesNotContain("Exception");
            assertThat(check.stdout()).contains("configuration is valid, with warnings.");
        }
    }

    @Test
    void checkConfigExits2OnErrors() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "unit: {name: Lab}\nbogus: 1\n");
        try (ChildJvm check = ChildJvm.start(dir, Map.of(), "check-config", file.toString())) {
            assertThat(check.waitForExit(30)).isEqualTo(2);
            assertThat(check.stderr()).contains("bogus: ").contains("(line 2)");
        }
    }
}
