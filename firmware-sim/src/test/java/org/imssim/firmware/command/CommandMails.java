package org.imssim.firmware.command;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.imssim.firmware.mail.inbound.CommandMail;
import org.imssim.firmware.mail.inbound.CommandMailReader;

/** Command mails as the unit reads them, each with a Message-ID of its own, for handler tests. */
final class CommandMails {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private CommandMails() {
    }

    /**
     * A command mail from {@code user} at {@code email}, sent at {@code date} (no {@code Date:} when
     * null), with a {@code password:} line unless {@code password} is null.
     */
    static CommandMail mail(Instant date, String user, String email, String password, String... commands) {
        StringBuilder body = new StringBuilder("username: " + user + "\r\nemail: " + email + "\r\n");
        if (password != null) {
            body.append("password: ").append(password).append("\r\n");
        }
        for (String c : commands) {
            body.append("command: ").append(c).append("\r\n");
        }
        StringBuilder raw = new StringBuilder("From: " + email + "\r\nTo: ims@example.com\r\n");
        if (date != null) {
            raw.append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(date.atZone(ZoneOffset.UTC)))
                    .append("\r\n");
        }
        raw.append("Message-ID: <m").append(NEXT.incrementAndGet()).append("@example.org>\r\n")
                .append("Subject: ims4000\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n").append(body);
        return CommandMailReader.read(raw.toString().getBytes(StandardCharsets.UTF_8), Set.of("ims@example.com"));
    }

    /** The reply's body below its first line (the heading with the time). */
    static String answer(String body) {
        return body.substring(body.indexOf('\n') + 1);
    }
}
