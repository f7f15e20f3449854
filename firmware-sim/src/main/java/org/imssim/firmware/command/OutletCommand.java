package org.imssim.firmware.command;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.CompletionStage;
import org.imssim.devices.powergate.OutletAction;
import org.imssim.firmware.outlet.OutletControl;
import org.imssim.firmware.outlet.OutletOutcome;
import org.imssim.firmware.outlet.OutletRequest;
import org.imssim.firmware.outlet.OutletRequester;

/**
 * {@code outlet <powergate> <outlet|all> on|off|cycle} (SPEC §7, ours): switches one outlet, or
 * every outlet of the PowerGate, through {@link OutletControl}. It needs {@code password:}
 * (checked by {@link CommandPassword} before it runs). Any level may use the PowerGates of the units
 * it may see.
 *
 * <p>The answer comes once the new states are stored and the relays moved: one line per outlet
 * touched, {@code Outlet <n>/<m> <name>: <ON|OFF|CYCLING>}, or {@code Outlet <n>/<m> <name> is
 * already cycling.}, or {@code Outlet <m> is off; send on.}; or one sentence for the whole command:
 * {@code There is no PowerGate <n> you may use.}, {@code PowerGate <n> has outlets 1 to <N>.},
 * {@code PowerGate <n> is not answering; nothing was switched.}, or that the state could not be
 * stored (nothing switched). Words that do not fit the syntax get the syntax line.
 */
final class OutletCommand implements Command {

    @Override
    public String name() {
        return "outlet";
    }

    @Override
    public String syntax() {
        return "outlet <powergate> <outlet|all> on|off|cycle";
    }

    @Override
    public String summary() {
        return "switches an outlet, or all outlets of a PowerGate";
    }

    @Override
    public boolean needsPassword() {
        return true;
    }

    @Override
    public CompletionStage<String> run(CommandContext context, List<String> arguments) {
        if (arguments.size() != 3) {
            throw new BadArgumentsException();
        }
        int powergate = number(arguments.get(0));
        String which = arguments.get(1);
        OptionalInt outlet = which.equalsIgnoreCase("all") ? OptionalInt.empty() : OptionalInt.of(number(which));
        OutletAction action = action(arguments.get(2));
        OutletRequester by = OutletRequester.profile(context.permissions(), OutletRequester.Via.EMAIL);
        return context.unit().outlets().request(new OutletRequest(powergate, outlet, action, by))
                .thenApply(OutletOutcome::text);
    }

    /**
     * A PowerGate or outlet number: digits only. A number too long for any PowerGate is kept large
     * rather than refused as syntax, so that it gets the sentence a wrong number gets.
     */
    static int number(String word) {
        if (!word.matches("[0-9]{1,9}")) {
            throw new BadArgumentsException();
        }
        return Integer.parseInt(word);
    }

    static OutletAction action(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "on" -> OutletAction.ON;
            case "off" -> OutletAction.OFF;
            case "cycle" -> OutletAction.CYCLE;
            default -> throw new BadArgumentsException();
        };
    }
}
