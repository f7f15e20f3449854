package org.imssim.firmware.config;

/** How the unit reads its mailbox (SPEC §7): {@code pop3} (the manual's) or {@code imap} (with IDLE where offered). */
public enum MailProtocol {
    POP3, IMAP
}
