package org.imssim.firmware.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets from the environment ({@code ${NAME}}) and from files ({@code <key>-file}), and never shown. */
class SecretsTest {

    @TempDir
    Path dir;

    private ConfigResult load(String yaml, Map<String, String> env) {
        return ConfigLoader.load(yaml, dir, env::get);
    }

    private static String profile(String passwordLine) {
        return "unit: {name: X}\nprofiles:\n  - username: bob\n    level: user\n    " + passwordLine + "\n";
    }

    @Test
    void environmentVariableGivesTheValue() {
        ConfigResult result = load(profile("password: ${BOB_PASSWORD}"), Map.of("BOB_PASSWORD", "s3cret!"));
        assertThat(result.errors()).isEmpty();
        assertThat(result.config().profiles().get(0).password()).isEqualTo("s3cret!");
    }

    @Test
    void unsetEnvironmentVariableIsAnErrorNamingIt() {
        ConfigResult result = load(profile("password: ${BOB_PASSWORD}"), Map.of());
        assertThat(result.errors()).extracting(ConfigProblem::toString).containsExactly(
                "profiles[0].password: needs the environment variable BOB_PASSWORD, which is not set (line 5)");
    }

    @Test
    void anyScalarMayComeFromTheEnvironment() {
        ConfigResult result = load("unit: {name: \"${UNIT_NAME}\"}\nweb: {port: \"${WEB_PORT}\"}\n",
                Map.of("UNIT_NAME", "Lab", "WEB_PORT", "9090"));
        assertThat(result.config().unit().name()).isEqualTo("Lab");
        assertThat(result.config().web().port()).isEqualTo(9090);
    }

    @Test
    void badValueFromTheEnvironmentIsNeverQuoted() {
        ConfigResult result = load("unit: {name: X}\nsnmp: {enabled: \"${FLAG}\"}\n", Map.of("FLAG", "hunter2"));
        assertThat(result.errors()).extracting(ConfigProblem::toString)
                .containsExactly("snmp.enabled: must be true or false (line 2)");
    }

    @Test
    void fileSecretTakesTheFirstLine() throws IOException {
        Files.writeString(dir.resolve("bob.pw"), "first-line\nsecond-line\n");
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve("secrets/mailbox"), "mailbox-pw\r\n");
        Files.writeString(dir.resolve("secrets/pin"), "4711\n");
        Files.writeString(dir.resolve("secrets/community"), "private-community");
        ConfigResult result = load("""
                unit: {name: X}
                email:
                  two-way: {username-file: secrets/mailbox, password-file: secrets/mailbox}
                snmp: {community-file: secrets/community}
                profiles:
                  - {username: bob, level: user, password-file: bob.pw, mail-pin-file: secrets/pin}
                """, Map.of());
        assertThat(result.errors()).isEmpty();
        ImsConfig config = result.config();
        assertThat(config.profiles().get(0).password()).isEqualTo("first-line");
        assertThat(config.profiles().get(0).mailPin()).isEqualTo("4711");
        assertThat(config.email().twoWay().username()).isEqualTo("mailbox-pw");
        assertThat(config.email().twoWay().password()).isEqualTo("mailbox-pw");
        assertThat(config.snmp().community()).isEqualTo("private-community");
    }

    @Test
    void absoluteFilePathsWorkToo() throws IOException {
        Path file = Files.writeString(dir.resolve("smtp.pw"), "smtp-pw\n");
        ConfigResult result = ConfigLoader.load("unit: {name: X}\nemail:\n  smtp: {password-file: " + file + "}\n",
                Path.of("/nonexistent"), Map.<String, String>of()::get);
        assertThat(result.config().email().smtp().password()).isEqualTo("smtp-pw");
    }

    @Test
    void missingFileIsAnError() {
        ConfigResult result = load(profile("password-file: missing.pw"), Map.of());
        assertThat(result.errors()).extracting(ConfigProblem::toString).containsExactly(
                "profiles[0].password-file: names a file that cannot be read; check the path and permissions (line 5)");
    }

    @Test
    void fileWithAnEmptyFirstLineIsAnError() throws IOException {
        Files.writeString(dir.resolve("empty.pw"), "\nsecond\n");
        ConfigResult result = load(profile("password-file: empty.pw"), Map.of());
        assertThat(result.errors()).extracting(ConfigProblem::toString).containsExactly(
                "profiles[0].password-file: names a file whose first line is empty (line 5)");
    }

    @Test
    void secretAndItsFileTogetherIsAnError() {
        ConfigResult result = load(profile("password: pw\n    password-file: bob.pw"), Map.of());
        assertThat(result.errors()).extracting(ConfigProblem::toString).containsExactly(
                "profiles[0].password-file: must not be given together with password (line 6)");
    }

    @Test
    void fileVariantsExistOnlyForSecrets() {
        ConfigResult result = load("unit: {name-file: name.txt}\n", Map.of());
        assertThat(result.errors()).extracting(ConfigProblem::toString).containsExactly(
                "unit.name: is required (line 1)",
                "unit.name-file: is not a known key (line 1)");
    }

    @Test
    void recordsMaskSecretsInToString() {
        ConfigResult result = load("""
                unit: {name: X}
                email:
                  smtp: {username: smtp-user, password: smtp-pw}
                  two-way: {username: box-user, password: box-pw}
                snmp: {community: c0mmunity}
                profiles:
                  - {username: bob, password: bob-pw, mail-pin: "97531", user-code: "8642", level: user}
                """, Map.of());
        String text = result.config().toString();
        assertThat(text).doesNotContain("smtp-user", "smtp-pw", "box-user", "box-pw", "c0mmunity", "bob-pw",
                "97531", "8642");
        assertThat(text).contains("username=bob");
    }

    @Test
    void secretsNeverAppearInProblems() throws IOException {
        Files.writeString(dir.resolve("pin"), "not-digits-secret\n");
        ConfigResult result = load("""
                unit: {name: X}
                profiles:
                  - {username: bob, password: "${PW}", mail-pin-file: pin, user-code: "secret-code", level: user}
                  - {username: BOB, password: x, level: user}
                """, Map.of("PW", "env-secret"));
        assertThat(result.errors()).extracting(ConfigProblem::toString).containsExactly(
                "profiles[0].mail-pin-file: must be digits only (line 3)",
                "profiles[0].user-code: must be 4 digits (line 3)",
                "profiles[1].username: is already used by another profile (usernames ignore case) (line 4)");
        assertThat(result.errors().toString()).doesNotContain("not-digits-secret", "env-secret", "secret-code");
    }
}
