package org.imssim.firmware.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.imssim.firmware.config.ConfigLoader;
import org.imssim.firmware.config.ConfigResult;
import org.imssim.firmware.config.ImsConfig;

/**
 * The demo unit's configuration, shipped in the jar ({@code demo.yaml}): a Host with one sensor
 * of every type, a Node, a PowerGate with four named outlets, IP devices on the simulated network,
 * a {@code master} (alice) and a {@code user} (bob), with the mail server's ports and the
 * storage folder filled in.
 */
public final class DemoConfiguration {

    /** The file as shipped, for people who want to copy it. */
    public static String text() {
        try (InputStream in = DemoConfiguration.class.getResourceAsStream("demo.yaml")) {
            if (in == null) {
                throw new IllegalStateException("demo.yaml is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DemoConfiguration() {
    }

    /** The demo configuration for these ports and storage folder. */
    public static ImsConfig load(int smtpPort, int pop3Port, int webPort, Path storage) {
        Map<String, String> values = Map.of(
                "DEMO_SMTP_PORT", Integer.toString(smtpPort),
                "DEMO_POP3_PORT", Integer.toString(pop3Port),
                "DEMO_WEB_PORT", Integer.toString(webPort),
                "DEMO_STORAGE", storage.toAbsolutePath().toString());
        ConfigResult result = ConfigLoader.load(text(), storage, values::get);
        if (!result.ok()) {
            throw new IllegalStateException("The shipped demo configuration has errors: " + result.errors());
        }
        return result.config();
    }
}
