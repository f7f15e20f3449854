package org.imssim.firmware.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The e-mail commands the unit knows, by word (case-insensitive), in the order {@code help} lists them. */
public final class CommandRegistry {

    private final Map<String, Command> byWord = new LinkedHashMap<>();
    private final List<Command> commands = new ArrayList<>();

    public CommandRegistry register(Command command) {
        commands.add(command);
        byWord.put(command.name(), command);
        for (String alias : command.aliases()) {
            byWord.put(alias, command);
        }
        return this;
    }

    public Optional<Command> find(String word) {
        return Optional.ofNullable(byWord.get(word.toLowerCase(Locale.ROOT)));
    }

    public List<Command> all() {
        return Collections.unmodifiableList(commands);
    }

    /** The commands of this build. */
    public static CommandRegistry standard() {
        CommandRegistry registry = new CommandRegistry();
        registry.register(new StatusCommand());
        registry.register(new PingCommand());
        registry.register(new TraceCommand());
        registry.register(new OutletCommand());
        registry.register(new OutletsCommand());
        registry.register(new AckCommand());
        registry.register(new HelpCommand(registry));
        return registry;
    }
}
