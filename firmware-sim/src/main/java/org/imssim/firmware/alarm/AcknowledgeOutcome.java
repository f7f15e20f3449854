package org.imssim.firmware.alarm;

import java.util.Objects;

/**
 * What became of an acknowledgment: the occurrence it acknowledged, or why nothing was. The
 * permission sentence ({@code You may not acknowledge this alarm.}) is the caller's, which checks
 * {@link AlarmEngine#acknowledgeable(String)} first.
 */
public sealed interface AcknowledgeOutcome
        permits AcknowledgeOutcome.Acknowledged, AcknowledgeOutcome.NoLongerValid, AcknowledgeOutcome.NothingToAcknowledge {

    /** The sentence for the person who asked. */
    String sentence();

    /**
     * The occurrence was acknowledged; {@code occurrence} is its state just after.
     *
     * @param occurrence the acknowledged occurrence
     */
    record Acknowledged(Occurrence occurrence) implements AcknowledgeOutcome {

        public Acknowledged {
            Objects.requireNonNull(occurrence, "occurrence");
        }

        /** The {@code ack} command's reply (SPEC §7): {@code Acknowledged: <unit> - <input name> - <condition>}. */
        @Override
        public String sentence() {
            return "Acknowledged: " + occurrence.unitName() + " - " + occurrence.inputName() + " - "
                    + occurrence.condition().text();
        }
    }

    /** The code is unknown, already used, or its occurrence acknowledged, closed or re-armed. */
    record NoLongerValid() implements AcknowledgeOutcome {

        /** SPEC §4, exactly. */
        public static final String SENTENCE = "That acknowledgment code is no longer valid.";

        @Override
        public String sentence() {
            return SENTENCE;
        }
    }

    /** The input has no occurrence waiting for acknowledgment (the API's 409). */
    record NothingToAcknowledge() implements AcknowledgeOutcome {

        /** Our wording (the spec names only the status code). */
        public static final String SENTENCE = "There is nothing to acknowledge.";

        @Override
        public String sentence() {
            return SENTENCE;
        }
    }
}
