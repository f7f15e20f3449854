package org.imssim.firmware.alarm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.imssim.firmware.store.StoredOccurrence;

/**
 * An {@link Occurrence} as the store keeps it ({@link StoredOccurrence}) and back (SPEC §4: open
 * occurrences are resumed after a restart). The columns hold the id, address, code, state, class,
 * condition (its enum name), start and acknowledger; {@code extras} holds what the columns do not:
 *
 * <pre>{"reason": "NEW", "value": "90.5 F",
 *  "ack": {"via": "EMAIL", "unitReason": null, "atMs": 1796000000000}}</pre>
 *
 * <p>The unit and input names are not stored: a resumed occurrence takes its input's current names.
 */
public final class StoredOccurrences {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredOccurrences() {
    }

    /**
     * The open occurrence as stored, with its delivery progress.
     *
     * @param round     the last round sent (0 before round 1)
     * @param nextRound when the next round or the unit's own acknowledgment is due; null for none
     */
    public static StoredOccurrence toStored(Occurrence o, int round, Instant nextRound) {
        ObjectNode extras = JSON.createObjectNode();
        extras.put("reason", o.reason().name());
        extras.put("value", o.valueText());
        o.acknowledgment().ifPresent(a -> {
            ObjectNode ack = extras.putObject("ack");
            ack.put("via", a.via().name());
            a.unitReason().ifPresent(r -> ack.put("unitReason", r.name()));
            ack.put("atMs", a.at().toEpochMilli());
        });
        return new StoredOccurrence(o.id(), o.address().toString(), o.code(), o.state().name(), round, nextRound,
                o.alarmClass(), o.condition().name(), o.openedAt(),
                o.acknowledgment().flatMap(Acknowledgment::username).orElse(null), extras.toString());
    }

    /**
     * The stored occurrence, open again, under the given names.
     *
     * @throws IllegalArgumentException when the row cannot be read back (unknown state, condition, …)
     */
    static Occurrence fromStored(StoredOccurrence s, AlarmAddress address, String unitName, String inputName) {
        JsonNode extras;
        try {
            extras = JSON.readTree(s.extras());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Unreadable extras of occurrence " + s.id(), e);
        }
        StartReason reason = StartReason.valueOf(extras.path("reason").asText(StartReason.NEW.name()));
        String value = extras.path("value").asText("");
        Occurrence o = Occurrence.start(s.id(), address, unitName, inputName, s.alarmClass(),
                Condition.valueOf(s.condition()), value, s.code(), s.openedAt(), reason,
                AlarmState.valueOf(s.state()));
        JsonNode ack = extras.get("ack");
        if (ack != null && ack.isObject()) {
            Instant at = Instant.ofEpochMilli(ack.path("atMs").asLong(s.openedAt().toEpochMilli()));
            Acknowledgment by = ack.hasNonNull("unitReason")
                    ? Acknowledgment.byUnit(UnitAcknowledgment.valueOf(ack.get("unitReason").asText()), at)
                    : Acknowledgment.byUser(s.acknowledgedBy(), Via.valueOf(ack.path("via").asText()), at);
            o = o.acknowledged(by, o.state());
        }
        return o;
    }
}
