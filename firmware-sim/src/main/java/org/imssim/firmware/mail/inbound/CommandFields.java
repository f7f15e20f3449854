package org.imssim.firmware.mail.inbound;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a command mail's text (SPEC §7): lines {@code field: value}.
 *
 * <p>Field names are case-insensitive; other lines and unknown fields are ignored;
 * non-breaking spaces are spaces and white space around names and values is trimmed. A field
 * line with an empty value counts as absent. For a repeated {@code username:}, {@code email:}
 * or {@code password:} the first wins. {@code email:} keeps the first address in its value
 * ({@code Alice <a@x>}, {@code a@x<mailto:a@x>}, {@code mailto:a@x}, {@code a@x}), or the
 * value itself when it holds none. Every non-empty {@code command:} line is kept, in order, as
 * received (trimmed); there is no limit here: the handler refuses more than 10.
 *
 * <p>Bold from rich text turned into plain text is undone where it cannot change a value:
 * {@code *username:* alice}, {@code *username*: alice} and {@code username: *alice*} read as
 * {@code username: alice}, for username, email and command. A password is never unwrapped:
 * only the {@code *} that closes a bold name ({@code *password:* x}) is dropped, since a
 * password may itself contain asterisks.
 *
 * @param username     the first {@code username:}, or null
 * @param email        the first address of the first {@code email:}, or null
 * @param password     the first {@code password:}, or null; never shown by {@link #toString()}
 * @param commandLines every {@code command:} value, in order; unmodifiable
 */
public record CommandFields(String username, String email, String password, List<String> commandLines) {
    /** No fields at all. */
    public static final CommandFields NONE = new CommandFields(null, null, null, List.of());

    public CommandFields {
        commandLines = List.copyOf(commandLines);
    }

    /** Reads the fields of a text already cut before its history ({@link QuotedHistory#cut}). */
    public static CommandFields parse(String text) {
        if (text == null || text.isEmpty()) {
            return NONE;
        }
        String username = null;
        String email = null;
        String password = null;
        List<String> commands = new ArrayList<>();
        for (String rawLine : text.split("\r\n|\r|\n")) {
            Field field = Field.of(Spaces.plain(rawLine).strip());
            if (field == null) {
                continue;
            }
            switch (field.name) {
                case "username" -> username = username != null ? username : field.value;
                case "email" -> email = email != null ? email : emailAddress(field.value);
                case "password" -> password = password != null ? password : field.value;
                case "command" -> commands.add(field.value);
                default -> { }
            }
        }
        return new CommandFields(username, email, password, commands);
    }

    @Override
    public String toString() {
        return "CommandFields[username=" + username + ", email=" + email
                + ", password=" + (password == null ? "null" : "****") + ", commandLines=" + commandLines + "]";
    }

    private static String emailAddress(String value) {
        String address = AddressText.firstIn(value);
        return address != null ? address : value;
    }

    /** One {@code name: value} line of a known field with a non-empty value. */
    private record Field(String name, String value) {
        private static final List<String> NAMES = List.of("username", "email", "password", "command");

        static Field of(String line) {
            int colon = line.indexOf(':');
            if (colon <= 0 || colon > 24) {
                return null;
            }
            String label = line.substring(0, colon).strip();
            String value = line.substring(colon + 1);
            boolean boldLabel = label.startsWith("*");
            if (boldLabel) {
                label = label.substring(1);
                if (label.endsWith("*")) {
                    label = label.substring(0, label.length() - 1); // *name*: value
                    boldLabel = false;
                }
            }
            String name = known(label.strip());
            if (name == null) {
                return null;
            }
            if (boldLabel && value.startsWith("*")) {
                value = value.substring(1); // *name:* value
                boldLabel = false;
            }
            value = value.strip();
            if (!name.equals("password")) {
                if (boldLabel && value.endsWith("*")) {
                    value = value.substring(0, value.length() - 1).strip(); // *name: value*
                }
                value = unwrapped(value);
            }
            return value.isEmpty() ? null : new Field(name, value);
        }

        private static String known(String label) {
            for (String name : NAMES) {
                if (name.equalsIgnoreCase(label)) {
                    return name;
                }
            }
            return null;
        }

        /** {@code *value*} → {@code value}, when no other asterisk is inside. */
        private static String unwrapped(String value) {
            if (value.length() > 2 && value.startsWith("*") && value.endsWith("*")
                    && value.indexOf('*', 1) == value.length() - 1) {
                return value.substring(1, value.length() - 1).strip();
            }
            return value;
        }
    }
}
