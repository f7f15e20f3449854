package org.imssim.firmware.alarm.delivery;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.imssim.devices.unit.InputAddress;
import org.imssim.firmware.UnitFirmware;
import org.imssim.firmware.alarm.AlarmState;
import org.imssim.firmware.mail.outbound.NoDelayGreenMail;
import org.imssim.firmware.testing.UnitFixture;
import org.imssim.hal.mock.MockAnalogInput;
import org.imssim.hal.mock.MockDigitalInput;

/**
 * A unit on a virtual clock whose mail goes to a real mail server on loopback (GreenMail, SMTP
 * and POP3 on free ports), which also holds the unit's own mailbox {@value #UNIT}. The clock moves
 * only when a test advances it; mail travels over real SMTP and POP3 meanwhile, so tests wait for
 * it (never by sleeping).
 */
final class MailedUnit implements AutoCloseable {

    static final String UNIT = "ims@example.com";
    static final String MAILBOX_PASSWORD = "secret";
    static final Duration WAIT = Duration.ofSeconds(20);

    private final NoDelayGreenMail greenMail;
    private UnitFixture fixture;
    /** The storage of a unit that can be restarted on it; null for a fixture's own. */
    private final java.nio.file.Path storage;

    /**
     * Starts the mail server, then the unit with {@code yaml}, in which {@code %SMTP%} and
     * {@code %POP3%} stand for the server's ports.
     */
    MailedUnit(String yaml) {
        this(yaml, null);
    }

    /**
     * As {@link #MailedUnit(String)}, with the unit on {@code storage} (the caller's), so that
     * {@link #restart} can start it again on what it stored.
     */
    MailedUnit(String yaml, java.nio.file.Path storage) {
        this.storage = storage;
        greenMail = new NoDelayGreenMail(ServerSetup.PROTOCOL_SMTP, ServerSetup.PROTOCOL_POP3);
        greenMail.start();
        greenMail.setUser(UNIT, UNIT, MAILBOX_PASSWORD);
        UnitFixture started;
        try {
            started = storage == null ? UnitFixture.start(ports(yaml))
                    : UnitFixture.startOn(storage, ports(yaml), UnitFixture.START);
        } catch (RuntimeException e) {
            greenMail.stop();
            throw e;
        }
        fixture = started;
    }

    private String ports(String yaml) {
        return yaml.replace("%SMTP%", Integer.toString(greenMail.port(ServerSetup.PROTOCOL_SMTP)))
                .replace("%POP3%", Integer.toString(greenMail.port(ServerSetup.PROTOCOL_POP3)));
    }

    /**
     * Stops the unit and starts it again on the same storage with {@code yaml} (the mail server
     * keeps running), its clock starting at {@code at}: the time between the old clock's now and
     * {@code at} is the time the unit was down.
     */
    void restart(String yaml, java.time.Instant at) {
        if (storage == null) {
            throw new IllegalStateException("Only a unit on the caller's storage can be restarted");
        }
        fixture.close();
        fixture = UnitFixture.startOn(storage, ports(yaml), at);
    }

    /** The {@code email:} section for this server, two-way on, polling every second of the unit's clock. */
    static String emailSection() {
        return """
                email:
                  smtp: {server: 127.0.0.1, port: %SMTP%, security: none}
                  return-address: ims@example.com
                  two-way: {enabled: true, address: ims@example.com, server: 127.0.0.1, port: %POP3%,
                            username: ims@example.com, password: secret, poll-interval: 1s}
                """;
    }

    UnitFixture fixture() {
        return fixture;
    }

    UnitFirmware unit() {
        return fixture.unit();
    }

    void advance(Duration step) {
        fixture.clock().advance(step);
    }

    /** Sets a binary mock input's level: {@code true} is its alarm word for water and smoke. */
    void level(String address, boolean high) {
        fixture.onLoop(() -> {
            ((MockDigitalInput) channel(address)).mockLevel(high);
            return null;
        });
    }

    void value(String address, double value) {
        fixture.onLoop(() -> {
            ((MockAnalogInput) channel(address)).mockValue(value);
            return null;
        });
    }

    void unplug(String address) {
        fixture.onLoop(() -> {
            if (channel(address) instanceof MockAnalogInput analog) {
                analog.unplug();
            } else {
                ((MockDigitalInput) channel(address)).unplug();
            }
            return null;
        });
    }

    void plug(String address) {
        fixture.onLoop(() -> {
            if (channel(address) instanceof MockAnalogInput analog) {
                analog.plug();
            } else {
                ((MockDigitalInput) channel(address)).plug();
            }
            return null;
        });
    }

    private Object channel(String address) {
        return unit().hardware().mockChannel(InputAddress.parse(address)).orElseThrow();
    }

    AlarmState state(String address) {
        return fixture.onLoop(() -> unit().alarms().state(InputAddress.parse(address)));
    }

    /** The acknowledgment code of the input's open occurrence. */
    String code(String address) {
        return fixture.onLoop(() -> unit().alarms().occurrence(InputAddress.parse(address)).orElseThrow().code());
    }

    List<String> eventTexts() {
        return fixture.eventTexts();
    }

    /** The mails that reached {@code address} (by their To, ignoring case), oldest first. */
    List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> address.equalsIgnoreCase(to(m))).toList();
    }

    private static String to(MimeMessage message) {
        try {
            jakarta.mail.Address[] to = message.getRecipients(Message.RecipientType.TO);
            return to == null || to.length == 0 ? null : ((InternetAddress) to[0]).getAddress();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Their subjects, oldest first. */
    List<String> subjectsTo(String address) {
        return mailsTo(address).stream().map(MailedUnit::subject).toList();
    }

    /** Waits until {@code address} has {@code count} mails (the unit's clock stands still meanwhile). */
    List<MimeMessage> awaitMails(String address, int count) {
        await().atMost(WAIT).until(() -> mailsTo(address).size() >= count);
        return mailsTo(address);
    }

    /**
     * Waits until {@code address} has {@code count} mails, advancing the unit's clock a second at a
     * time meanwhile, so that the unit polls its mailbox (each poll runs when its timer is due).
     */
    List<MimeMessage> awaitMailsPolling(String address, int count) {
        await().atMost(WAIT).until(() -> {
            advance(Duration.ofSeconds(1));
            return mailsTo(address).size() >= count;
        });
        return mailsTo(address);
    }

    /** Sends a mail to the unit's mailbox over SMTP, dated by the unit's clock. */
    void sendToUnit(String from, String subject, String body) {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(greenMail.port(ServerSetup.PROTOCOL_SMTP)));
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(props));
            message.setFrom(new InternetAddress(from));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(UNIT));
            message.setSubject(subject, "UTF-8");
            message.setSentDate(Date.from(fixture.clock().now()));
            message.setText(body, "UTF-8");
            Transport.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException("The test mail could not be sent", e);
        }
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text, with LF line ends and exactly one final line end (transports may drop it). */
    static String body(MimeMessage message) {
        try {
            return ((String) message.getContent()).replace("\r\n", "\n").stripTrailing() + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String header(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? null : String.join(",", values);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The acknowledgment code an alarm mail gives. */
    static String codeIn(MimeMessage message) {
        Matcher m = Pattern.compile("(?m)^Acknowledgment code: (\\d{8})$").matcher(body(message));
        if (!m.find()) {
            throw new AssertionError("No acknowledgment code in " + body(message));
        }
        return m.group(1);
    }

    @Override
    public void close() {
        try {
            fixture.close();
        } finally {
            greenMail.stop();
        }
    }
}
