package org.imssim.firmware.command;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.imssim.firmware.status.StatusSnapshot;

/**
 * {@code outlets} (SPEC §7): every outlet the user may switch — those of the PowerGates on the units
 * the profile may see (outlets are filtered by unit only) — one line each,
 * {@code Outlet <n>/<m> <name>: <ON|OFF|CYCLING|UNKNOWN>}, from the same snapshot the status
 * report is written from. Needs no password. With none: {@code There is no PowerGate you may use.}
 */
final class OutletsCommand implements Command {

    static final String NONE = "There is no PowerGate you may use.";

    @Override
    public String name() {
        return "outlets";
    }

    @Override
    public String syntax() {
        return "outlets";
    }

    @Override
    public String summary() {
        return "every outlet you may switch, with its state";
    }

    @Override
    public CompletionStage<String> run(CommandContext context, List<String> arguments) {
        if (!arguments.isEmpty()) {
            throw new BadArgumentsException();
        }
        List<String> lines = new ArrayList<>();
        for (StatusSnapshot.PowerGateStatus gate : context.unit().status().snapshot(context.permissions()).powergates()) {
            for (StatusSnapshot.OutletStatus outlet : gate.outlets()) {
                lines.add("Outlet " + gate.number() + "/" + outlet.number() + " " + outlet.name() + ": " + outlet.state());
            }
        }
        return CompletableFuture.completedFuture(lines.isEmpty() ? NONE : String.join("\n", lines));
    }
}
