package org.imssim.firmware.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imssim.firmware.mail.inbound.TestMails.read;
import static org.imssim.firmware.mail.inbound.TestMails.withHeader;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reasons of SPEC §7 "No reply, only an event" that the message alone decides. */
class RejectionTest {
    private static final byte[] PLAIN = TestMails.bytes("plain.eml");

    @Test
    void aVacationReplyIsAutoSubmitted() {
        assertThat(read("vacation-reply.eml").rejection()).contains(RejectReason.AUTO_SUBMITTED);
    }

    @Test
    void aDeliveryReportIsABounceEvenWithACommandInside() {
        CommandMail mail = read("bounce-dsn.eml");
        assertThat(mail.rejection()).contains(RejectReason.BOUNCE);
        assertThat(mail.username()).isNull(); // the returned message is an attachment, not read
    }

    @Test
    void aMailingListIsBulkOrListMail() {
        assertThat(read("list-mail.eml").rejection()).contains(RejectReason.BULK_OR_LIST);
    }

    @Test
    void theUnitsOwnMailComingBackIsOwnAddress() {
        assertThat(read("own-address.eml").rejection()).contains(RejectReason.OWN_ADDRESS);
    }

    @Test
    void anotherSubjectIsNotACommand() {
        CommandMail mail = read("not-a-command.eml");
        assertThat(mail.rejection()).contains(RejectReason.NOT_A_COMMAND);
        assertThat(mail.username()).isEqualTo("olga");
    }

    @Test
    void noUsernameIsNotACommand() {
        assertThat(read("no-username.eml").rejection()).contains(RejectReason.NOT_A_COMMAND);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "Auto-Submitted | Auto-Submitted: auto-generated           | AUTO_SUBMITTED",
        "Auto-Submitted | Auto-Submitted: auto-replied (vacation)  | AUTO_SUBMITTED",
        "Auto-Submitted | Auto-Submitted: auto-notified            | AUTO_SUBMITTED",
        "Auto-Submitted | Auto-Submitted: No                       | ",
        "Auto-Submitted | Auto-Submitted: no (a person wrote this) | ",
        "Return-Path    | Return-Path: <>                          | BOUNCE",
        "Return-Path    | Return-Path: < >                         | BOUNCE",
        "Return-Path    | Return-Path: <alice@example.com>         | ",
        "From           | From: MAILER-DAEMON@mx.example.net       | BOUNCE",
        "From           | From: Mail Delivery Subsystem <mailer-daemon@googlemail.example> | BOUNCE",
        "From           | From: postmaster@example.com             | BOUNCE",
        "From           | From: PostMaster                         | BOUNCE",
        "From           | From: Mail Delivery System <MAILER-DAEMON> | BOUNCE",
        "From           | From: postmaster.alice@example.com       | ",
        "Content-Type   | Content-Type: multipart/report; report-type=delivery-status; boundary=x | BOUNCE",
        "Precedence     | Precedence: bulk                         | BULK_OR_LIST",
        "Precedence     | Precedence: JUNK                         | BULK_OR_LIST",
        "Precedence     | Precedence: list                         | BULK_OR_LIST",
        "Precedence     | Precedence: first-class                  | ",
        "List-Id        | List-Id: <ops.lists.example.com>         | BULK_OR_LIST",
        "List-Id        | List-Id:                                 | BULK_OR_LIST",
        "From           | From: The Unit <IMS@unit.example.NET>    | OWN_ADDRESS",
        "From           | From: alarms@unit.example.net            | OWN_ADDRESS",
        "Subject        | Subject: Re: Lunch                       | NOT_A_COMMAND",
        "Subject        |                                          | NOT_A_COMMAND"
    })
    void eachHeaderRule(String header, String line, RejectReason reason) {
        CommandMail mail = CommandMailReader.read(withHeader(PLAIN, header, line), TestMails.OWN);
        if (reason == null) {
            assertThat(mail.rejection()).isEmpty();
        } else {
            assertThat(mail.rejection()).contains(reason);
        }
    }

    @Test
    void anEmailFieldThatIsTheUnitsOwnAddressIsOwnAddress() {
        byte[] raw = TestMails.utf8("From: alice@example.com\nSubject: ims4000\n\nusername: alice\n"
                + "email: IMS-4000 <ims@UNIT.example.net>\ncommand: status\n");
        assertThat(CommandMailReader.read(raw, TestMails.OWN).rejection()).contains(RejectReason.OWN_ADDRESS);
        assertThat(CommandMailReader.read(raw, Set.of()).rejection()).isEmpty();
        assertThat(CommandMailReader.read(raw, null).rejection()).isEmpty();
    }

    @Test
    void theFirstReasonInOrderWins() {
        byte[] all = withHeader(withHeader(withHeader(withHeader(withHeader(PLAIN,
                "Subject", "Subject: hello"),
                "From", "From: ims@unit.example.net"),
                "List-Id", "List-Id: <l.example>"),
                "Auto-Submitted", "Auto-Submitted: auto-generated"),
                "Return-Path", "Return-Path: <>");
        assertThat(CommandMailReader.read(all, TestMails.OWN).rejection()).contains(RejectReason.BOUNCE);
        byte[] noBounce = withHeader(all, "Return-Path", null);
        assertThat(CommandMailReader.read(noBounce, TestMails.OWN).rejection()).contains(RejectReason.AUTO_SUBMITTED);
        byte[] noAuto = withHeader(noBounce, "Auto-Submitted", null);
        assertThat(CommandMailReader.read(noAuto, TestMails.OWN).rejection()).contains(RejectReason.BULK_OR_LIST);
        byte[] noList = withHeader(noAuto, "List-Id", null);
        assertThat(CommandMailReader.read(noList, TestMails.OWN).rejection()).contains(RejectReason.OWN_ADDRESS);
        byte[] notOwn = withHeader(noList, "From", "From: alice@example.com");
        assertThat(CommandMailReader.read(notOwn, TestMails.OWN).rejection()).contains(RejectReason.NOT_A_COMMAND);
    }
}
