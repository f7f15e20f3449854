package org.imssim.firmware.command;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.imssim.firmware.net.Target;

/** {@code ping <target>}: four echo requests from the unit (SPEC §7). */
final class PingCommand implements Command {

    @Override
    public String name() {
        return "ping";
    }

    @Override
    public String syntax() {
        return "ping <IPv4 address or host name>";
    }

    @Override
    public String summary() {
        return "four echo requests from the unit";
    }

    @Override
    public CompletionStage<String> run(CommandContext context, List<String> arguments) {
        if (arguments.size() != 1) {
            throw new BadArgumentsException();
        }
        Target target = Target.parse(arguments.get(0)).orElseThrow(BadArgumentsException::new);
        return context.unit().probes().ping(context.username(), target);
    }
}
