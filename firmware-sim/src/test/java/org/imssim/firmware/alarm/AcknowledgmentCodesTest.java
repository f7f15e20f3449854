package org.imssim.firmware.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AcknowledgmentCodesTest {

    @Test
    void aCodeIsEightDigitsAndKeepsItsLeadingZeros() {
        AcknowledgmentCodes codes = new AcknowledgmentCodes(new ScriptedRandom(42, 99_999_999));

        assertThat(codes.issue(null)).isEqualTo("00000042");
        assertThat(codes.issue(null)).isEqualTo("99999999");
    }

    @Test
    void aCodeTakenByAnOpenOccurrenceIsNotIssuedAgainUntilReleased() {
        AcknowledgmentCodes codes = new AcknowledgmentCodes(new ScriptedRandom(7, 7, 7, 123, 7));

        assertThat(codes.issue(null)).isEqualTo("00000007");
        assertThat(codes.issue(null)).isEqualTo("00000123");
        codes.release("00000007");
        assertThat(codes.issue(null)).isEqualTo("00000007");
    }

    @Test
    void aCodeReservedForAResumedOccurrenceIsNotIssuedAndCannotBeReservedTwice() {
        AcknowledgmentCodes codes = new AcknowledgmentCodes(new ScriptedRandom(5, 6));

        codes.reserve("00000005", null);
        assertThat(codes.issue(null)).isEqualTo("00000006");
        assertThatThrownBy(() -> codes.reserve("00000006", null)).isInstanceOf(IllegalStateException.class);
        assertThat(codes.holder("00000005")).isEmpty();
    }

    @Test
    void secureRandomCodesAreEightDigitsAndDistinct() {
        AcknowledgmentCodes codes = new AcknowledgmentCodes();
        Set<String> issued = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String code = codes.issue(null);
            assertThat(code).matches("[0-9]{8}");
            issued.add(code);
        }
        assertThat(issued).hasSize(2000);
    }
}
