package org.imssim.firmware.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectRuleTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "ims4000", "IMS4000", "  ims4000  ", "Re: ims4000", "RE:ims4000", "re : ims4000", "Fw: ims4000",
        "FWD: ims4000", "AW: ims4000", "Sv: ims4000", "WG: ims4000", "Re[2]: ims4000", "RE[12]:ims4000",
        "Re(3): ims4000", "Re: Re: Re: ims4000", "Re: [EXT] Fwd: ims4000", "[EXT] RE: [External] AW: ims4000",
        "[EXT][SPAM?] ims4000", "Re:\u00a0ims4000", "IMS-4000 ALARM: Server Room",
        "Re: IMS-4000 NORMAL: Server Room", "RE: [EXT] IMS-4000 reply: Server Room", "re: ims-4000 alarm: x"
    })
    void acceptsCommandSubjectsAndRepliesToTheUnitsMail(String subject) {
        assertThat(SubjectRule.accepts(subject)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "ims 4000", "ims4000 please", "Lunch on Friday?", "Re: Lunch", "Report: ims4000", "Reims4000",
        "Automatic reply: ims4000", "IMS-4000 ALARMS: x", "[ims4000]", "Re: [EXT ims4000", "Undelivered: ims4000"
    })
    void refusesOtherSubjects(String subject) {
        assertThat(SubjectRule.accepts(subject)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "=?UTF-8?B?UmU6IFtFWFRdIEZ3ZDogaW1zNDAwMA==?=    | Re: [EXT] Fwd: ims4000",
        "=?ISO-8859-1?Q?AW:_ims4000?=                    | AW: ims4000",
        "=?utf-8?q?Re=3A?= =?utf-8?q?_ims4000?=          | Re: ims4000",
        "=?x-no-such-charset?Q?ims4000?=                 | =?x-no-such-charset?Q?ims4000?="
    })
    void decodesEncodedWordsAndFolding(String raw, String decoded) {
        assertThat(SubjectRule.decode(raw.strip())).isEqualTo(decoded);
    }

    @Test
    void unfoldsAFoldedSubject() {
        assertThat(SubjectRule.decode("Re:\r\n ims4000")).isEqualTo("Re: ims4000");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Re: [EXT] Fwd: ims4000 | ims4000",
        "RE[2]: [a] [b] SV:x    | x",
        "Re: Report             | Report"
    })
    void stripsPrefixesAndTagsInAnyInterleaving(String subject, String rest) {
        assertThat(SubjectRule.stripPrefixes(subject)).isEqualTo(rest);
    }

    @Test
    void aHugeSubjectOfPrefixesIsStrippedInLinearTime() {
        String subject = "Re: [x] ".repeat(100_000) + "ims4000";
        assertThat(SubjectRule.accepts(subject)).isTrue();
        assertThat(SubjectRule.decode(null)).isEmpty();
    }
}
