package org.imssim.firmware.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RejectReasonTest {
    @Test
    void textsAreTheEventWordingOfSpecSection8() {
        assertThat(Arrays.stream(RejectReason.values()).map(RejectReason::text)).containsExactly(
                "unknown username", "not a contact", "disabled profile", "auto-submitted", "bounce",
                "bulk or list mail", "own address", "not a command", "too large", "duplicate", "rate limit");
    }
}
