package org.imssim.firmware.command;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.imssim.firmware.net.Target;

/** {@code trace <target>} (also {@code traceroute}, {@code tracert}): a route trace, at most 30 hops (SPEC §7). */
final class TraceCommand implements Command {

    @Override
    public String name() {
        return "trace";
    }

    @Override
    public List<String> aliases() {
        return List.of("traceroute", "tracert");
    }

    @Override
    public String syntax() {
        return "trace <IPv4 address or host name>";
    }

    @Override
    public String summary() {
        return "the route from the unit, at most 30 hops";
    }

    @Override
    public CompletionStage<String> run(CommandContext context, List<String> arguments) {
        if (arguments.size() != 1) {
            throw new BadArgumentsException();
        }
        Target target = Target.parse(arguments.get(0)).orElseThrow(BadArgumentsException::new);
        return context.unit().probes().trace(context.username(), target);
    }
}
