package org.imssim.firmware.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuotedHistoryTest {
    private static final String MINE = "username: alice\ncommand: status";

    @ParameterizedTest
    @ValueSource(strings = {
        "> command: outlet 1 all off",
        "   >command: outlet 1 all off",
        "\u00a0> quoted with a non-breaking space first",
        "-- \nAlice",
        "--\nAlice",
        "-----Original Message-----\ncommand: outlet 1 all off",
        "----- Original Message -----\ncommand: x",
        "-----Ursprüngliche Nachricht-----\ncommand: x",
        "On Sun, Nov 29, 2026 at 3:04 PM Unit <ims@unit.example.net> wrote:\ncommand: x",
        "On Sun, Nov 29, 2026 at 3:04 PM IMS-4000 Server Room <ims@unit.example.net>\nwrote:\ncommand: x",
        "On 29 Nov 2026, at 15:04, Unit <ims@unit.example.net> wrote:",
        "Am 29.11.2026 um 15:04 schrieb Unit <ims@unit.example.net>:\ncommand: x",
        "Le dim. 29 nov. 2026 à 15:04, Unit <ims@unit.example.net> a écrit :\ncommand: x",
        "From: Unit <ims@unit.example.net>\nSent: Sunday, November 29, 2026 3:04 PM\ncommand: x",
        "From: Unit <ims@unit.example.net>\nDate: x\nTo: y\nSent: Sunday\ncommand: x",
        "From: Unit <ims@unit.example.net> Sent: Sunday, November 29, 2026 3:04 PM To: Alice",
        "Von: Unit <ims@unit.example.net>\nGesendet: Sonntag, 29. November 2026 15:04\ncommand: x"
    })
    void readingStopsAtHistoryAndSignature(String history) {
        assertThat(QuotedHistory.cut(MINE + "\n\n" + history + "\nmore")).isEqualTo(MINE + "\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "command: status -- now",
        "---",
        " -- ",
        "On call this week.",
        "From: me",
        "From: me\na\nb\nc\nSent: later",
        "Subject: ims4000 > 3"
    })
    void otherLinesAreKept(String line) {
        String text = MINE + "\n" + line + "\ncommand: help";
        assertThat(QuotedHistory.cut(text)).isEqualTo(text);
    }

    @Test
    void crlfAndCrLineEndsAreReadAndJoinedWithLf() {
        assertThat(QuotedHistory.cut("a\r\nb\rc\r\n> d")).isEqualTo("a\nb\nc");
    }

    @Test
    void quotedFirstLineLeavesNothing() {
        assertThat(QuotedHistory.cut("> all quoted\nusername: x")).isEmpty();
        assertThat(QuotedHistory.cut(null)).isEmpty();
    }
}
