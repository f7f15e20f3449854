package org.imssim.firmware.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TwoWayServerRequiredTest {

    private static ConfigResult load(String yaml) {
        return ConfigLoader.load(yaml, Path.of("."), name -> null);
    }

    @Test
    void twoWayEnabledWithoutAServerIsAnErrorOnItsParentsLine() {
        ConfigResult result = load("""
                unit: {name: Lab}
                email:
                  return-address: ims@example.com
                  two-way:
                    enabled: true
                    username: ims
                """);
        assertThat(result.errors()).extracting(Object::toString)
                .containsExactly("email.two-way.server: is required (line 5)");
    }

    @Test
    void twoWayDisabledNeedsNoServer() {
        ConfigResult result = load("""
                unit: {name: Lab}
                email:
                  two-way: {enabled: false}
                """);
        assertThat(result.errors()).isEmpty();
    }
}
