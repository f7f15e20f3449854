package org.imssim.firmware.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequestGuardTest {

    private final RequestGuard guard = new RequestGuard("127.0.0.1", List.of("ims.example.net"));

    @Test
    void acceptsTheBindAddressLocalhostAndConfiguredNamesWithAnyPort() {
        assertThat(guard.check("127.0.0.1:8080", null)).isEmpty();
        assertThat(guard.check("localhost:8080", null)).isEmpty();
        assertThat(guard.check("LOCALHOST", null)).isEmpty();
        assertThat(guard.check("ims.example.net:80", null)).isEmpty();
    }

    @Test
    void refusesOtherHostsAsDnsRebinding() {
        assertThat(guard.check("attacker.example:8080", null)).contains(RequestGuard.WRONG_HOST);
        assertThat(guard.check("127.0.0.2:8080", null)).contains(RequestGuard.WRONG_HOST);
        assertThat(guard.check(null, null)).contains(RequestGuard.WRONG_HOST);
        assertThat(guard.check("", null)).contains(RequestGuard.WRONG_HOST);
    }

    @Test
    void originMustBeHttpPlusTheAcceptedHostWithItsPort() {
        assertThat(guard.check("127.0.0.1:8080", "http://127.0.0.1:8080")).isEmpty();
        assertThat(guard.check("127.0.0.1:8080", "http://evil.example")).contains(RequestGuard.FOREIGN_ORIGIN);
        assertThat(guard.check("127.0.0.1:8080", "http://127.0.0.1:9090")).contains(RequestGuard.FOREIGN_ORIGIN);
        assertThat(guard.check("127.0.0.1:8080", "https://127.0.0.1:8080")).contains(RequestGuard.FOREIGN_ORIGIN);
        assertThat(guard.check("127.0.0.1:8080", "null")).contains(RequestGuard.FOREIGN_ORIGIN);
    }

    @Test
    void bracketedIpv6HostsAreReadWithoutTheirPort() {
        RequestGuard v6 = new RequestGuard("::1", List.of());
        assertThat(v6.check("[::1]:8080", null)).isEmpty();
        assertThat(RequestGuard.hostName("[::1]:8080")).isEqualTo("::1");
        assertThat(RequestGuard.hostName("a.b:80")).isEqualTo("a.b");
    }
}
