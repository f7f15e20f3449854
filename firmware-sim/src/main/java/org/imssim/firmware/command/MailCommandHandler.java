package org.imssim.firmware.command;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.imssim.firmware.UnitFirmware;
import org.imssim.firmware.config.ContactConfig;
import org.imssim.firmware.config.ProfileConfig;
import org.imssim.firmware.event.EventSource;
import org.imssim.firmware.mail.inbound.CommandMail;
import org.imssim.firmware.mail.inbound.RejectReason;
import org.imssim.firmware.profile.Permissions;
import org.imssim.firmware.profile.Profiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one command mail on the unit's event loop (SPEC §7): rejects what must get no reply
 * (with a {@code Rejected mail} event), authenticates the sender by {@code username:} and
 * {@code email:} (never by From), runs up to ten commands in order and writes one reply to the
 * contact's address. A command that fails never stops the others, and no reply ever quotes the
 * incoming message or an exception.
 */
public final class MailCommandHandler {

    private static final Logger log = LoggerFactory.getLogger(MailCommandHandler.class);

    /** The most commands one message may carry. */
    public static final int MAX_COMMANDS = 10;

    static final String NO_COMMAND = "No command: add a line such as \"command: status\".";
    static final String TOO_MANY = "At most " + MAX_COMMANDS + " commands per message; none was run.";
    static final String RATE_LIMITED = "Too many commands; wait a minute.";
    static final String FAILED = "This command could not be run; the unit's log says why.";

    private static final DateTimeFormatter HEADER_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx VV", Locale.ROOT);

    private final UnitFirmware unit;
    private final CommandRegistry commands;
    private final RateLimits limits = new RateLimits();
    private final CommandPassword passwords;

    public MailCommandHandler(UnitFirmware unit, CommandRegistry commands) {
        this.unit = unit;
        this.commands = commands;
        LockoutNotice notice = new LockoutNotice(unit);
        this.passwords = new CommandPassword(unit.config().email().twoWay(), unit.clock(), notice::locked);
    }

    /** Handles {@code mail}; completes with the reply to send, or empty when it gets none. Loop only. */
    public CompletionStage<Optional<CommandReply>> handle(CommandMail mail) {
        if (mail.rejection().isPresent()) {
            return rejected(mail.rejection().get());
        }
        Optional<ProfileConfig> found = unit.profiles().find(mail.username());
        if (found.isEmpty()) {
            return rejected(RejectReason.UNKNOWN_USERNAME);
        }
        ProfileConfig profile = found.get();
        Optional<ContactConfig> contact = Profiles.contact(profile, mail.email());
        if (contact.isEmpty()) {
            return rejected(RejectReason.NOT_A_CONTACT);
        }
        if (!profile.enabled()) {
            return rejected(RejectReason.DISABLED_PROFILE);
        }
        CommandContext context = new CommandContext(unit, new Permissions(profile));
        String header = header(profile);
        String to = contact.get().email();
        switch (limits.admit(to, mail.commandLines().size(), unit.clock().now())) {
            case REFUSE_WITH_REPLY -> {
                unit.events().record("host", EventSource.MAIL, "Rejected mail: " + RejectReason.RATE_LIMIT.text());
                return reply(to, mail, header + "\n" + RATE_LIMITED);
            }
            case REFUSE_SILENTLY -> {
                return rejected(RejectReason.RATE_LIMIT);
            }
            case ADMIT -> {
                // within the limits
            }
        }
        if (mail.commandLines().isEmpty()) {
            event(profile, "(no command)");
            return reply(to, mail, header + "\n" + NO_COMMAND);
        }
        if (mail.commandLines().size() > MAX_COMMANDS) {
            event(profile, "(" + mail.commandLines().size() + " commands, none run)");
            return reply(to, mail, header + "\n" + TOO_MANY);
        }
        CompletableFuture<StringBuilder> body = CompletableFuture.completedFuture(new StringBuilder(header));
        for (String line : mail.commandLines()) {
            // Each command starts on the unit's loop, even after one that completed elsewhere (ping).
            body = body.thenComposeAsync(text -> runOne(context, mail, line).thenApply(answer ->
                    text.append('\n').append("== ").append(line).append(" ==").append('\n').append(answer)), unit.loop());
        }
        return body.thenComposeAsync(text -> reply(to, mail, text.toString()), unit.loop());
    }

    /** Runs one command line; always completes with the text for its section. */
    private CompletionStage<String> runOne(CommandContext context, CommandMail mail, String line) {
        List<String> words = Arrays.asList(line.trim().split("\\s+"));
        String word = words.get(0);
        Optional<Command> command = commands.find(word);
        if (command.isEmpty()) {
            record(context, line, "unknown command");
            return CompletableFuture.completedFuture("Unknown command \"" + word + "\". Send \"command: help\".");
        }
        if (command.get().needsPassword()) {
            Optional<CommandPassword.Refusal> refusal = passwords.check(context.permissions().profile(), mail);
            if (refusal.isPresent()) {
                record(context, line, refusal.get().outcome());
                return CompletableFuture.completedFuture(refusal.get().sentence());
            }
        }
        List<String> arguments = words.subList(1, words.size());
        CompletionStage<String> answer;
        try {
            answer = command.get().run(context, arguments);
        } catch (BadArgumentsException e) {
            record(context, line, "bad arguments");
            return CompletableFuture.completedFuture("Syntax: " + command.get().syntax());
        } catch (RuntimeException e) {
            log.error("Command {} failed", word, e);
            record(context, line, "failed");
            return CompletableFuture.completedFuture(FAILED);
        }
        return answer.handle((text, failure) -> {
            if (failure != null) {
                log.error("Command {} failed", word, failure);
                record(context, line, "failed");
                return FAILED;
            }
            record(context, line, "done");
            return text;
        });
    }

    private String header(ProfileConfig profile) {
        ZonedDateTime now = unit.clock().now().atZone(unit.config().unit().timeZone());
        return "IMS-4000 " + unit.config().unit().name() + ", " + HEADER_TIME.format(now) + ", for " + profile.username();
    }

    private CompletionStage<Optional<CommandReply>> reply(String to, CommandMail mail, String body) {
        return CompletableFuture.completedFuture(Optional.of(new CommandReply(to,
                "IMS-4000 reply: " + unit.config().unit().name(), body + "\n", mail.messageId())));
    }

    private CompletionStage<Optional<CommandReply>> rejected(RejectReason reason) {
        unit.events().record("host", EventSource.MAIL, "Rejected mail: " + reason.text());
        return CompletableFuture.completedFuture(Optional.empty());
    }

    private void event(ProfileConfig profile, String what) {
        unit.events().record("host", EventSource.PROFILE, "Command from " + profile.username() + ": " + what);
    }

    private void record(CommandContext context, String line, String outcome) {
        unit.events().record("host", EventSource.PROFILE,
                "Command from " + context.username() + ": " + line + " (" + outcome + ")");
    }
}
