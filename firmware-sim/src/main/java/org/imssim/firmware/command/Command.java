package org.imssim.firmware.command;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * One e-mail command of SPEC §7. Implementations are small and stateless; {@link #run} is called
 * on the unit's event loop after the sender was authenticated (and, when
 * {@link #needsPassword()}, after the password was checked), and answers the text that goes
 * under the command's heading in the reply. Work that blocks (ping, trace) runs elsewhere and
 * completes the stage later.
 */
public interface Command {

    /** The command word, lower case: {@code status}. */
    String name();

    /** Other words for the same command ({@code traceroute}, {@code tracert}). */
    default List<String> aliases() {
        return List.of();
    }

    /** The syntax line, shown by {@code help} and in answer to bad arguments: {@code ping <target>}. */
    String syntax();

    /** What it does, in a few words, for {@code help}. */
    String summary();

    /** True for commands that change state ({@code outlet}, {@code ack}): they need {@code password:}. */
    default boolean needsPassword() {
        return false;
    }

    /**
     * Runs the command with the words after the command word.
     *
     * @throws BadArgumentsException when the arguments do not fit {@link #syntax()}
     */
    CompletionStage<String> run(CommandContext context, List<String> arguments);
}
