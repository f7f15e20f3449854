package org.imssim.firmware.command;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.imssim.firmware.alarm.AcknowledgeOutcome;
import org.imssim.firmware.alarm.AlarmEngine;
import org.imssim.firmware.alarm.Occurrence;
import org.imssim.firmware.alarm.Via;

/**
 * {@code ack <code>} (SPEC §7, ours): acknowledges the alarm occurrence whose acknowledgment code
 * the alarm mail gave. It needs {@code password:} (checked by {@link CommandPassword} before it
 * runs). The profile must see the occurrence's unit and have its class, else
 * {@code You may not acknowledge this alarm.}; a code unknown, used, or whose occurrence was
 * acknowledged, closed or re-armed gets {@code That acknowledgment code is no longer valid.};
 * success answers {@code Acknowledged: <unit> - <input name> - <condition>} and the engine records
 * {@code Acknowledged: <input name> by <username> via e-mail}.
 */
final class AckCommand implements Command {

    /** SPEC §4, exactly. */
    static final String NOT_YOURS = "You may not acknowledge this alarm.";

    @Override
    public String name() {
        return "ack";
    }

    @Override
    public String syntax() {
        return "ack <code>";
    }

    @Override
    public String summary() {
        return "acknowledges the alarm whose mail gave this code";
    }

    @Override
    public boolean needsPassword() {
        return true;
    }

    @Override
    public CompletionStage<String> run(CommandContext context, List<String> arguments) {
        if (arguments.size() != 1) {
            throw new BadArgumentsException();
        }
        String code = arguments.get(0);
        AlarmEngine alarms = context.unit().alarms();
        Optional<Occurrence> occurrence = alarms.acknowledgeable(code);
        if (occurrence.isEmpty()) {
            return done(AcknowledgeOutcome.NoLongerValid.SENTENCE);
        }
        Occurrence o = occurrence.get();
        if (!context.permissions().sees(o.address().unit().id(), o.alarmClass())) {
            return done(NOT_YOURS);
        }
        return done(alarms.acknowledge(code, context.username(), Via.EMAIL).sentence());
    }

    private static CompletionStage<String> done(String text) {
        return CompletableFuture.completedFuture(text);
    }
}
