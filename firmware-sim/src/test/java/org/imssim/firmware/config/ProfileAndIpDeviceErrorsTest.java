package org.imssim.firmware.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imssim.firmware.config.ConfigTexts.config;
import static org.imssim.firmware.config.ConfigTexts.errors;

import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Profiles, their contacts, and IP devices. */
class ProfileAndIpDeviceErrorsTest {

    @Test
    void profileRequiredKeys() {
        assertThat(errors("""
                unit: {name: X}
                profiles:
                  - {name: Nobody}
                  - {username: carol, password: pw, level: user, contacts: [{inform-only: true}]}
                """)).containsExactly(
                "profiles[0].level: is required (line 3)",
                "profiles[0].password: is required (line 3)",
                "profiles[0].username: is required (line 3)",
                "profiles[1].contacts[0].email: is required (line 4)");
    }

    @Test
    void usernamesAreUniqueIgnoringCase() {
        assertThat(errors("""
                unit: {name: X}
                profiles:
                  - {username: Alice, password: a, level: master}
                  - {username: alice, password: b, level: user}
                """)).containsExactly(
                "profiles[1].username: is already used by another profile (usernames ignore case) (line 4)");
    }

    @Test
    void levelAndCodes() {
        assertThat(errors("""
                unit: {name: X}
                profiles:
                  - {username: bob, password: pw, level: admin, user-code: "12345", mail-pin: 12ab}
                """)).containsExactly(
                "profiles[0].level: must be one of: master, site-admin, user (line 3)",
                "profiles[0].mail-pin: must be digits only (line 3)",
                "profiles[0].user-code: must be 4 digits (line 3)");
    }

    @Test
    void profileClassesMustBeKnown() {
        assertThat(errors("""
                unit: {name: X}
                profiles:
                  - {username: bob, password: pw, level: user, classes: [Water, Server]}
                """)).containsExactly(
                "profiles[0].classes[1]: must be one of the manual's classes or one listed under classes: (line 3)");
    }

    @Test
    void contactMustBeInformOnlyOrUntilAcknowledged() {
        assertThat(errors("""
                unit: {name: X}
                profiles:
                  - username: bob
                    password: pw
                    level: user
                    contacts:
                      - {email: bob@example.com, inform-only: false, until-acknowledged: false}
                      - {email: not-an-address}
                """)).containsExactly(
                "profiles[0].contacts[0]: must be inform-only, until-acknowledged or both (line 7)",
                "profiles[0].contacts[1].email: must be an e-mail address such as alice@example.com (line 8)");
    }

    @Test
    void atMostEightContacts() {
        String contacts = IntStream.rangeClosed(1, 9)
                .mapToObj(i -> "      - {email: bob" + i + "@example.com}")
                .collect(Collectors.joining("\n"));
        assertThat(errors("""
                unit: {name: X}
                profiles:
                  - username: bob
                    password: pw
                    level: user
                    contacts:
                """ + contacts + "\n")).containsExactly(
                "profiles[0].contacts[8]: is one too many: a profile has at most 8 contacts (line 15)");
    }

    @Test
    void atMost64Profiles() {
        String profiles = IntStream.rangeClosed(1, 65)
                .mapToObj(i -> "  - {username: user" + i + ", password: pw, level: user}")
                .collect(Collectors.joining("\n"));
        assertThat(errors("unit: {name: X}\nprofiles:\n" + profiles + "\n")).containsExactly(
                "profiles[64]: is one too many: a unit has at most 64 profiles (line 67)");
    }

    @Test
    void profileDefaults() {
        ProfileConfig bob = config("""
                unit: {name: X}
                profiles:
                  - {username: bob, password: pw, level: site-admin, contacts: [{email: bob@example.com}]}
                """).profiles().get(0);
        assertThat(bob.level()).isEqualTo(Level.SITE_ADMIN);
        assertThat(bob.enabled()).isTrue();
        assertThat(bob.classes()).isEmpty();
        assertThat(bob.units()).isEmpty();
        assertThat(bob.mailPin()).isNull();
        assertThat(bob.mailSecret()).isEqualTo("pw");
        assertThat(bob.userCode()).isNull();
        assertThat(bob.contacts()).containsExactly(new ContactConfig("bob@example.com", false, true, null));
    }

    @Test
    void ipDeviceErrors() {
        assertThat(errors("""
                unit: {name: X}
                ip-devices:
                  - {name: Gateway, address: -c1}
                  - {name: Gateway, address: 10.0.0.1, retries: -1, interval: 0, class: Printers}
                  - {address: 10.0.0.2}
                """)).containsExactly(
                "ip-devices[0].address: must be an IPv4 address or a host name (line 3)",
                "ip-devices[1].class: must be one of the manual's classes or one listed under classes: (line 4)",
                "ip-devices[1].interval: must be longer than 0 (line 4)",
                "ip-devices[1].name: is already used by another IP device (line 4)",
                "ip-devices[1].retries: must be at least 0 (line 4)",
                "ip-devices[2].name: is required (line 5)");
    }

    @Test
    void atMost64IpDevices() {
        String devices = IntStream.rangeClosed(1, 65)
                .mapToObj(i -> "  - {name: d" + i + ", address: host" + i + ".example.com}")
                .collect(Collectors.joining("\n"));
        assertThat(errors("unit: {name: X}\nip-devices:\n" + devices + "\n")).containsExactly(
                "ip-devices[64]: is one too many: a unit has at most 64 IP devices (line 67)");
    }

    @Test
    void ipDeviceDefaults() {
        IpDeviceConfig device = config("""
                unit: {name: X}
                ip-devices: [{name: Printer, address: printer.local}]
                """).ipDevices().get(0);
        assertThat(device).isEqualTo(new IpDeviceConfig("Printer", "printer.local", "host", true,
                Duration.ofSeconds(60), Duration.ofSeconds(2), 3, "IP Alarms", Duration.ZERO, true, null));
    }
}
