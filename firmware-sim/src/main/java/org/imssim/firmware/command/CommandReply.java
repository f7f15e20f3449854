package org.imssim.firmware.command;

/**
 * The reply to a command mail (SPEC §7): to the {@code email:} address of the sender's contact,
 * subject {@code IMS-4000 reply: <unit.name>}, answering the incoming Message-ID (null when it
 * had none).
 */
public record CommandReply(String to, String subject, String body, String inReplyTo) {
}
