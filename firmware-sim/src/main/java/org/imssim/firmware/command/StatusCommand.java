package org.imssim.firmware.command;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.imssim.firmware.status.StatusReport;

/** {@code status}: the status report of what the sender may see (SPEC §7). */
final class StatusCommand implements Command {

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String syntax() {
        return "status";
    }

    @Override
    public String summary() {
        return "the status of every input, outlet and IP device you may see";
    }

    @Override
    public CompletionStage<String> run(CommandContext context, List<String> arguments) {
        if (!arguments.isEmpty()) {
            throw new BadArgumentsException();
        }
        return CompletableFuture.completedFuture(
                StatusReport.text(context.unit().status().snapshot(context.permissions())));
    }
}
