package org.imssim.firmware.command;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** {@code help}: the commands and their syntax. */
final class HelpCommand implements Command {

    private final CommandRegistry registry;

    HelpCommand(CommandRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String syntax() {
        return "help";
    }

    @Override
    public String summary() {
        return "this list";
    }

    @Override
    public CompletionStage<String> run(CommandContext context, List<String> arguments) {
        List<String> lines = new ArrayList<>();
        lines.add("Send one command per \"command:\" line, at most " + MailCommandHandler.MAX_COMMANDS
                + " in one message, below \"username:\" and \"email:\" lines.");
        for (Command command : registry.all()) {
            String alsoKnown = command.aliases().isEmpty() ? "" : " (also " + String.join(", ", command.aliases()) + ")";
            String password = command.needsPassword() ? "; needs \"password:\"" : "";
            lines.add("  " + command.syntax() + " - " + command.summary() + alsoKnown + password);
        }
        return CompletableFuture.completedFuture(String.join("\n", lines));
    }
}
