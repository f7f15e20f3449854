package org.imssim.firmware.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "gateway.example.com", "host-1", "a", "10.0.0.254"})
    void addressesAndHostNamesAreTargets(String text) {
        assertThat(Target.parse(text)).contains(new Target(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-f", "--flood", "-c1000", "127.0.0.1;id", "127.0.0.1 && id", "$(id)", "`id`", "a|b",
            "a b", "", "a/b", "a\nb", "ünï.example", "127.0.0.1\u0000", ".", "-", "*"})
    void optionsShellWordsAndOddCharactersAreNot(String text) {
        assertThat(Target.parse(text)).isEmpty();
    }
}
