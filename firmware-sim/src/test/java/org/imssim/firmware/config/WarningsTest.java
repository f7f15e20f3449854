package org.imssim.firmware.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imssim.firmware.config.ConfigTexts.warnings;

import org.junit.jupiter.api.Test;

/** Warnings: reported apart from errors, never stopping the unit. */
class WarningsTest {

    private static final String MAIL = """
            unit: {name: X}
            email:
              smtp: {server: mail.example.com}
              return-address: ims@example.com
            """;

    @Test
    void noWarningsWhenMailCanGoOut() {
        assertThat(warnings(MAIL)).isEmpty();
    }

    @Test
    void smtpServerNotSet() {
        assertThat(warnings("""
                unit: {name: X}
                email:
                  smtp: {port: 25}
                  return-address: ims@example.com
                """)).containsExactly("email.smtp.server: is not set: every mail will record Invalid Configuration "
                + "and stay in the outbox (line 3)");
    }

    @Test
    void returnAddressNotSet() {
        assertThat(warnings("""
                unit: {name: X}
                email:
                  smtp: {server: mail.example.com}
                  return-address: ""
                """)).containsExactly("email.return-address: is not set: every mail will record Invalid "
                + "Configuration and stay in the outbox (line 4)");
    }

    @Test
    void resetTimeUnderThirtyMinutes() {
        assertThat(warnings(MAIL + """
                inputs:
                  - {channel: 1, type: water, reset-time: 10m}
                  - {channel: 2, type: water, reset-time: 30m}
                ip-devices:
                  - {name: Gw, address: 10.0.0.1, reset-time: 29m}
                """)).containsExactly(
                "inputs[0].reset-time: is under the manual's minimum of 30 minutes; accepted (line 6)",
                "ip-devices[0].reset-time: is under the manual's minimum of 30 minutes; accepted (line 9)");
    }

    @Test
    void mailCommandsWithoutPassword() {
        assertThat(warnings(MAIL + """
                  two-way: {enabled: true, server: mail.example.com, require-password: false}
                """)).containsExactly(
                "email.two-way.require-password: is false: outlet and ack commands need no password (line 5)");
    }

    @Test
    void warningsComeWithErrorsButApart() {
        ConfigResult result = ConfigTexts.load("""
                unit: {}
                inputs: [{channel: 1, type: water, reset-time: 1m}]
                """);
        assertThat(result.errors()).extracting(ConfigProblem::toString)
                .containsExactly("unit.name: is required (line 1)");
        assertThat(result.warnings()).extracting(ConfigProblem::toString).containsExactly(
                "email.return-address: is not set: every mail will record Invalid Configuration and stay in the outbox (line 1)",
                "email.smtp.server: is not set: every mail will record Invalid Configuration and stay in the outbox (line 1)",
                "inputs[0].reset-time: is under the manual's minimum of 30 minutes; accepted (line 2)");
    }
}
