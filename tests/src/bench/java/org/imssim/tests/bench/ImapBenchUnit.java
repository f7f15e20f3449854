package org.imssim.tests.bench;

import jakarta.mail.Session;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.imssim.firmware.Firmware;
import org.imssim.firmware.config.ConfigLoader;
import org.imssim.firmware.config.ConfigResult;

/**
 * The unit the two-way benchmarks run: its mailbox {@link #UNIT} read over IMAP with a poll
 * interval of an hour (so only IDLE brings commands in), the five master profiles {@link #USERS}
 * ({@code <user>@example.com}), a mock temperature input, and whatever hardware a benchmark adds.
 */
final class ImapBenchUnit {

    static final List<String> USERS = List.of("u1", "u2", "u3", "u4", "u5");
    static final String UNIT = "ims@example.com";

    private ImapBenchUnit() {
    }

    /**
     * Starts the unit in {@code dir} on {@code mail}'s SMTP and IMAP.
     *
     * @param extraYaml more top-level configuration (e.g. {@code powergates: […]}), or empty
     */
    static Firmware start(Path dir, NoDelaySmtp mail, String extraYaml) throws java.io.IOException {
        return start(dir, mail, extraYaml, java.time.Clock.systemUTC());
    }

    /** As above, with {@code wall} as the unit's wall clock. */
    static Firmware start(Path dir, NoDelaySmtp mail, String extraYaml, java.time.Clock wall) throws java.io.IOException {
        StringBuilder profiles = new StringBuilder();
        for (String u : USERS) {
            profiles.append("  - {username: ").append(u).append(", password: x, level: master, classes: [Temperature], ")
                    .append("contacts: [{email: ").append(u).append("@example.com}]}\n");
        }
        ConfigResult config = ConfigLoader.load("""
                unit: {name: Bench, time-zone: UTC}
                email:
                  smtp: {server: 127.0.0.1, port: %d}
                  return-address: %s
                  two-way: {enabled: true, address: %s, protocol: imap, server: 127.0.0.1, port: %d, username: %s,
                            password: secret, poll-interval: 1h}
                storage: {dir: ./data}
                web: {bind: 127.0.0.1, port: 0}
                inputs: [{channel: 1, type: temperature, name: Room Temp, backend: mock}]
                %s
                profiles:
                %s""".formatted(mail.port(), UNIT, UNIT, mail.imapPort(), UNIT, extraYaml, profiles), dir, name -> null);
        Benchmarks.check(config.ok(), "The benchmark's configuration has errors: " + config.errors());
        return Firmware.start(config.config(), wall);
    }

    /** A plain Jakarta Mail session for the SMTP server on loopback port {@code port}. */
    static Session smtpSession(int port) {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(port));
        return Session.getInstance(props);
    }
}
