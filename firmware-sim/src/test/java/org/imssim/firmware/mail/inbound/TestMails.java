package org.imssim.firmware.mail.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** Loads the test messages of src/test/resources/mail and makes variants of them. */
final class TestMails {
    static final Set<String> OWN = Set.of("ims@unit.example.net", "IMS-4000 Server Room <alarms@unit.example.net>");

    private TestMails() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = TestMails.class.getResourceAsStream("/mail/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test mail " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CommandMail read(String name) {
        return CommandMailReader.read(bytes(name), OWN);
    }

    /** The message with its header {@code name} removed and {@code headerLine} (if any) put first. */
    static byte[] withHeader(byte[] raw, String name, String headerLine) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        String eol = text.contains("\r\n") ? "\r\n" : "\n";
        int bodyStart = text.indexOf(eol + eol);
        String headers = text.substring(0, bodyStart);
        StringBuilder kept = new StringBuilder();
        if (headerLine != null) {
            kept.append(headerLine).append(eol);
        }
        for (String line : headers.split(eol)) {
            if (!line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                kept.append(line).append(eol);
            }
        }
        kept.setLength(kept.length() - eol.length());
        return (kept + text.substring(bodyStart)).getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
