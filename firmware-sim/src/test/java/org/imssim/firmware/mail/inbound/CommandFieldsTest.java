package org.imssim.firmware.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandFieldsTest {
    @Test
    void readsTheManualsFormat() {
        CommandFields fields = CommandFields.parse("username: alice\nemail: alice@example.com\ncommand: status");
        assertThat(fields).isEqualTo(new CommandFields("alice", "alice@example.com", null, java.util.List.of("status")));
    }

    @Test
    void namesAreCaseInsensitiveAndOtherLinesIgnored() {
        CommandFields fields = CommandFields.parse(
                "Hi!\nUSERNAME : Alice\nE-mail: x@y\nEmail:alice@example.com\nnote: x\nCommand:Status\n  command:  ping  192.0.2.1  ");
        assertThat(fields.username()).isEqualTo("Alice");
        assertThat(fields.email()).isEqualTo("alice@example.com");
        assertThat(fields.commandLines()).containsExactly("Status", "ping  192.0.2.1");
    }

    @Test
    void nonBreakingAndInvisibleSpacesAreSpaces() {
        CommandFields fields = CommandFields.parse(
                "username:\u00a0alice\u00a0\nemail:\u202falice@example.com\ncommand:\u2007status\u200b\n\ufeffpassword: pin");
        assertThat(fields).isEqualTo(new CommandFields("alice", "alice@example.com", "pin", java.util.List.of("status")));
    }

    @Test
    void theFirstOfARepeatedFieldWinsAndEmptyValuesCountAsAbsent() {
        CommandFields fields = CommandFields.parse("username:\nusername: judy\nusername: mallory\n"
                + "email: judy@example.com\nemail: m@example.net\npassword: one\npassword: two\n"
                + "command:\ncommand: a\ncommand: b");
        assertThat(fields).isEqualTo(new CommandFields("judy", "judy@example.com", "one", java.util.List.of("a", "b")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Alice <alice@example.com>                 | alice@example.com",
        "alice@example.com<mailto:alice@example.com> | alice@example.com",
        "alice@example.com <mailto:alice@example.com> | alice@example.com",
        "mailto:alice@example.com                  | alice@example.com",
        "<alice@example.com>                       | alice@example.com",
        "\"Smith, Alice\" <alice@example.com>, b@example.net | alice@example.com",
        "\"alice@old.example\" <alice@example.com> | alice@example.com",
        "Alice.Smith+ims@Example.COM.              | Alice.Smith+ims@Example.COM",
        "*alice@example.com*                       | alice@example.com",
        "alice at example dot com                  | alice at example dot com"
    })
    void emailKeepsTheFirstAddress(String value, String address) {
        assertThat(CommandFields.parse("email: " + value).email()).isEqualTo(address);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "*Username:* carol      | carol",
        "*Username*: carol      | carol",
        "Username: *carol*      | carol",
        "*Username: carol*      | carol",
        "username: car*ol       | car*ol",
        "username: *carol       | *carol"
    })
    void boldFromRichTextIsUndone(String line, String username) {
        assertThat(CommandFields.parse(line).username()).isEqualTo(username);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "password: *secret*     | *secret*",
        "*password:* s3cr*t     | s3cr*t",
        "password: a*           | a*",
        "Password:  p a s s     | p a s s"
    })
    void aPasswordIsNeverUnwrapped(String line, String password) {
        assertThat(CommandFields.parse(line).password()).isEqualTo(password);
    }

    @Test
    void commandsAreAllKeptInOrderAsReceived() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 12; i++) {
            text.append("command: ack ").append(i).append('\n');
        }
        text.append("command: *outlet 1 2 On*\n");
        assertThat(CommandFields.parse(text.toString()).commandLines()).hasSize(13).startsWith("ack 1", "ack 2")
                .endsWith("ack 12", "outlet 1 2 On");
    }

    @Test
    void toStringNeverShowsThePassword() {
        CommandFields fields = CommandFields.parse("username: a\npassword: hunter2");
        assertThat(fields.toString()).doesNotContain("hunter2").contains("password=****", "username=a");
    }

    @Test
    void nothingGivesNone() {
        assertThat(CommandFields.parse(null)).isEqualTo(CommandFields.NONE);
        assertThat(CommandFields.parse("")).isEqualTo(CommandFields.NONE);
        assertThat(CommandFields.parse(":::\n: x\nusername\n" + "x".repeat(100_000) + ":y")).isEqualTo(CommandFields.NONE);
    }
}
