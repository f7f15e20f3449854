package org.imssim.firmware.alarm.delivery;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.imssim.devices.sensor.Reading;
import org.imssim.devices.unit.Input;
import org.imssim.devices.unit.Unit;
import org.imssim.firmware.alarm.Acknowledgment;
import org.imssim.firmware.alarm.AlarmAddress;
import org.imssim.firmware.alarm.Occurrence;
import org.imssim.firmware.config.EmailConfig;
import org.imssim.firmware.config.ImsConfig;
import org.imssim.firmware.hardware.InputSettings;
import org.imssim.firmware.hardware.UnitHardware;
import org.imssim.firmware.mail.ReplyMail;
import org.imssim.firmware.mail.outbound.OutgoingMail;
import org.imssim.firmware.store.NewMail;

/**
 * Writes the alarm mail and the return-to-normal mail of SPEC §6, ready for the outbox: from
 * {@code email.return-address}, {@code Auto-Submitted: auto-generated}, {@code Reply-To} the
 * two-way address when two-way e-mail is on, and a Message-ID assigned now. Loop only (it reads
 * the inputs).
 *
 * <p>The alarm mail, subject {@code IMS-4000 ALARM: <unit> - <input name> - <condition>}, the
 * same in every round:
 * <pre>
 * Unit: Host
 * Input: host/1 Room Temp
 * Condition: High
 * Value: 90.5 F
 * Limits: low 50.0 F, high 85.0 F
 * Time: 2026-11-29 15:05:05 +00:00 UTC
 * Class: Temperature
 * Acknowledgment code: 01234567
 * Round: 2 of 3
 * Returned to normal: no
 *
 * To acknowledge, reply to this mail with these lines:
 * username: alice
 * email: alice@example.com
 * password: &lt;your password or PIN&gt;
 * command: ack 01234567
 * </pre>
 * {@code Unit} is the unit as bodies show it ({@code Host}, {@code Node 2 Row B}); {@code Time}
 * is when the occurrence started, in {@code unit.time-zone}; {@code Value} is the reading then
 * ({@code no reading} for a sensor in trouble); {@code Limits} are {@code low …, high …} (either
 * left out when the input has none) for a number, {@code normal <word>} for a binary sensor.
 * {@code Returned to normal: yes|no} is written from round 2 on. The block names the recipient's
 * username and address, never a password.
 *
 * <p>The return-to-normal mail, subject {@code IMS-4000 NORMAL: <unit> - <input name> - Normal}:
 * <pre>
 * Unit: Host
 * Input: host/1 Room Temp
 * Condition: Normal
 * Value: 72.0 F
 * Limits: low 50.0 F, high 85.0 F
 * Time: 2026-11-29 15:07:05 +00:00 UTC
 * Class: Temperature
 * Alarm: High at 2026-11-29 15:05:05 +00:00 UTC
 * Acknowledged: by alice via e-mail
 * </pre>
 * with {@code Time} the return, {@code Value} the reading now, and {@code Acknowledged} one of
 * {@code by <username> via <e-mail|web|api>}, {@code by the unit (<reason>)} or
 * {@code not yet (code <code>)}.
 */
public final class AlarmMail {

    /** The lead-in of the block to send back. */
    static final String BLOCK_LEAD = "To acknowledge, reply to this mail with these lines:";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx VV", Locale.ROOT);

    private final UnitHardware hardware;
    private final ZoneId zone;
    private final EmailConfig email;

    public AlarmMail(ImsConfig config, UnitHardware hardware) {
        this.hardware = hardware;
        this.zone = config.unit().timeZone();
        this.email = config.email();
    }

    /** {@code IMS-4000 ALARM: <unit> - <input name> - <condition>}. */
    public static String alarmSubject(Occurrence occurrence) {
        return "IMS-4000 ALARM: " + occurrence.unitName() + " - " + occurrence.inputName() + " - "
                + occurrence.condition().text();
    }

    /** {@code IMS-4000 NORMAL: <unit> - <input name> - Normal}, or {@code - Responding} for an IP device. */
    public static String normalSubject(Occurrence occurrence) {
        return "IMS-4000 NORMAL: " + occurrence.unitName() + " - " + occurrence.inputName() + " - "
                + normalWord(occurrence);
    }

    private static String normalWord(Occurrence occurrence) {
        return occurrence.address().isIpDevice() ? "Responding" : "Normal";
    }

    /**
     * The alarm mail of round {@code round} of {@code maxRounds} to {@code to}.
     *
     * @param returnedToNormal whether the input is back in range now (written from round 2 on)
     */
    public NewMail alarm(Occurrence occurrence, Recipient to, int round, int maxRounds, boolean returnedToNormal,
                         Instant now) {
        List<String> lines = facts(occurrence, occurrence.condition().text(),
                occurrence.valueText().isEmpty() ? "no reading" : occurrence.valueText(), occurrence.openedAt());
        lines.add("Acknowledgment code: " + occurrence.code());
        lines.add("Round: " + round + " of " + maxRounds);
        if (round > 1) {
            lines.add("Returned to normal: " + (returnedToNormal ? "yes" : "no"));
        }
        lines.add("");
        lines.add(BLOCK_LEAD);
        lines.add("username: " + to.username());
        lines.add("email: " + to.email());
        lines.add("password: <your password or PIN>");
        lines.add("command: ack " + occurrence.code());
        return mail(to.email(), alarmSubject(occurrence), lines, "alarm", now);
    }

    /** The return-to-normal mail of {@code occurrence} (its snapshot at the return) to {@code to}. */
    public NewMail normal(Occurrence occurrence, Recipient to, Instant now) {
        String value = occurrence.address().inputAddress().isEmpty() ? normalWord(occurrence).toLowerCase(Locale.ROOT)
                : occurrence.address().inputAddress().flatMap(hardware::input).flatMap(Input::reading)
                        .map(Reading::text).orElse("no reading");
        List<String> lines = facts(occurrence, normalWord(occurrence), value, now);
        lines.add("Alarm: " + occurrence.condition().text() + " at " + TIME.format(occurrence.openedAt().atZone(zone)));
        lines.add("Acknowledged: " + occurrence.acknowledgment().map(AlarmMail::acknowledger)
                .orElse("not yet (code " + occurrence.code() + ")"));
        return mail(to.email(), normalSubject(occurrence), lines, "normal", now);
    }

    private List<String> facts(Occurrence occurrence, String condition, String value, Instant time) {
        List<String> lines = new ArrayList<>();
        AlarmAddress address = occurrence.address();
        Optional<Input> input = address.inputAddress().flatMap(hardware::input);
        lines.add("Unit: " + hardware.unit(address.unit()).map(Unit::displayName).orElse(address.unit().id()));
        lines.add("Input: " + address + " " + occurrence.inputName());
        lines.add("Condition: " + condition);
        lines.add("Value: " + value);
        input.map(this::limits).ifPresent(limits -> lines.add("Limits: " + limits));
        lines.add("Time: " + TIME.format(time.atZone(zone)));
        lines.add("Class: " + occurrence.alarmClass());
        return lines;
    }

    private String limits(Input input) {
        if (input.type().isBinary()) {
            return "normal " + input.normalWord();
        }
        InputSettings settings = hardware.settings(input.address());
        String unit = input.readingUnit().map(u -> " " + u).orElse("");
        List<String> parts = new ArrayList<>();
        limit("low", settings.low(), unit).ifPresent(parts::add);
        limit("high", settings.high(), unit).ifPresent(parts::add);
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private static Optional<String> limit(String word, OptionalDouble value, String unit) {
        return value.isPresent() && Double.isFinite(value.getAsDouble())
                ? Optional.of(word + " " + Reading.formatNumber(value.getAsDouble()) + unit)
                : Optional.empty();
    }

    private static String acknowledger(Acknowledgment by) {
        return by.unitReason().map(reason -> "by the unit (" + reason.words() + ")")
                .orElseGet(() -> "by " + by.username().orElseThrow() + " via " + by.via().word());
    }

    private NewMail mail(String to, String subject, List<String> lines, String kind, Instant now) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(OutgoingMail.AUTO_SUBMITTED, "auto-generated");
        if (email.twoWay().enabled() && email.twoWay().address() != null) {
            headers.put(OutgoingMail.REPLY_TO, email.twoWay().address());
        }
        String from = email.returnAddress() == null ? "" : email.returnAddress();
        return new NewMail(OutgoingMail.newMessageId(ReplyMail.messageIdDomain(email.returnAddress())), from, to,
                subject, String.join("\n", lines) + "\n", headers, kind, now);
    }
}
