package org.imssim.firmware.sim;

import org.imssim.firmware.mail.mailbox.Mailbox;
import org.imssim.firmware.mail.mailbox.MailboxException;
import org.imssim.firmware.mail.mailbox.MailboxSession;

/**
 * The mail faults of the simulation (SPEC §10): an SMTP server that refuses every mail, a mailbox
 * that refuses the unit's login. They exist only in the unit itself — the mailer and the mailbox
 * fail as if the server had refused, without touching it — and only where the unit runs with its
 * embedded mail server ({@code imssim demo}, a scenario): {@link #allowMailFaults()} is called by
 * whoever started that server. A unit on real mail servers never fails on purpose.
 *
 * <p>Thread-safe: the flags are set on the loop and read on the mail threads.
 */
public final class SimulatedFaults {

    private volatile boolean mailFaultsAllowed;
    private volatile boolean smtpRefusing;
    private volatile boolean mailboxRefusing;

    /** The unit's mail servers are embedded: the mail faults may be set. */
    public void allowMailFaults() {
        mailFaultsAllowed = true;
    }

    public boolean mailFaultsAllowed() {
        return mailFaultsAllowed;
    }

    /**
     * Makes the SMTP server refuse every mail, or accept again.
     *
     * @throws IllegalStateException when the mail servers are not embedded
     */
    public void setSmtpRefusing(boolean refusing) {
        checkAllowed();
        smtpRefusing = refusing;
    }

    /**
     * Makes the mailbox refuse the unit's login, or accept it again.
     *
     * @throws IllegalStateException when the mail servers are not embedded
     */
    public void setMailboxRefusing(boolean refusing) {
        checkAllowed();
        mailboxRefusing = refusing;
    }

    public boolean smtpRefusing() {
        return smtpRefusing;
    }

    public boolean mailboxRefusing() {
        return mailboxRefusing;
    }

    /** {@code mailbox}, refusing the login while the mailbox fault is on. */
    public Mailbox mailbox(Mailbox mailbox) {
        return new Mailbox() {
            @Override
            public MailboxSession open() throws MailboxException {
                if (mailboxRefusing) {
                    throw new MailboxException(MailboxException.Kind.AUTHENTICATION);
                }
                return mailbox.open();
            }

            @Override
            public String toString() {
                return mailbox.toString();
            }
        };
    }

    private void checkAllowed() {
        if (!mailFaultsAllowed) {
            throw new IllegalStateException("Mail faults are simulated only with the embedded mail server.");
        }
    }
}
