package org.imssim.firmware.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecodingTest {
    private static final byte[] JOERG_UTF8 = "jörg".getBytes(StandardCharsets.UTF_8);
    private static final byte[] JOERG_LATIN1 = "jörg".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void aKnownCharsetIsUsedAsDeclared() {
        assertThat(TextDecoding.decode(JOERG_LATIN1, "iso-8859-1", false)).isEqualTo("jörg");
        assertThat(TextDecoding.decode(JOERG_LATIN1, "\"ISO-8859-1\"", false)).isEqualTo("jörg");
        assertThat(TextDecoding.decode(JOERG_LATIN1, "latin1", false)).isEqualTo("jörg");
        assertThat(TextDecoding.decode(JOERG_UTF8, "UTF-8", false)).isEqualTo("jörg");
        byte[] quotes = "\u201cok\u201d \u20ac".getBytes(Charset.forName("windows-1252"));
        assertThat(TextDecoding.decode(quotes, "windows-1252", false)).isEqualTo("\u201cok\u201d \u20ac");
    }

    @Test
    void noUnknownOrAsciiCharsetFallsBackToUtf8ThenWindows1252() {
        assertThat(TextDecoding.decode(JOERG_UTF8, null, false)).isEqualTo("jörg");
        assertThat(TextDecoding.decode(JOERG_UTF8, "x-unheard-of", false)).isEqualTo("jörg");
        assertThat(TextDecoding.decode(JOERG_UTF8, "not a charset!", false)).isEqualTo("jörg");
        assertThat(TextDecoding.decode(JOERG_LATIN1, "us-ascii", false)).isEqualTo("jörg");
        assertThat(TextDecoding.decode(JOERG_LATIN1, null, false)).isEqualTo("jörg");
        assertThat(TextDecoding.decode("plain".getBytes(StandardCharsets.US_ASCII), "us-ascii", false)).isEqualTo("plain");
    }

    @Test
    void aUtf8CharacterCutAtTheEndOfTruncatedBytesIsNoReasonToGuessAnotherCharset() {
        byte[] cut = java.util.Arrays.copyOf(JOERG_UTF8, 2); // 'j' and the first byte of 'ö'
        assertThat(TextDecoding.decode(cut, null, true)).isEqualTo("j");
        assertThat(TextDecoding.decode(cut, null, false)).isEqualTo("j\u00c3");
    }
}
