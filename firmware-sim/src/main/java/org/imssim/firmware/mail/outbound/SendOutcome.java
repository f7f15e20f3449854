package org.imssim.firmware.mail.outbound;

import java.util.Objects;
import java.util.Optional;

/**
 * What became of one mail of {@link SmtpMailer#sendAll(java.util.List)}.
 *
 * @param mail      the mail
 * @param failure   empty when the server accepted the mail
 * @param attempted false when the mail was not tried because an earlier mail of the same batch
 *                  could not reach or log in to the server; {@code failure} is then that
 *                  earlier failure
 */
public record SendOutcome(OutgoingMail mail, Optional<MailDeliveryException> failure, boolean attempted) {

    public SendOutcome {
        Objects.requireNonNull(mail, "mail");
        Objects.requireNonNull(failure, "failure");
        if (failure.isEmpty() && !attempted) {
            throw new IllegalArgumentException("A mail that was not attempted cannot have been delivered.");
        }
    }

    static SendOutcome delivered(OutgoingMail mail) {
        return new SendOutcome(mail, Optional.empty(), true);
    }

    static SendOutcome failed(OutgoingMail mail, MailDeliveryException failure) {
        return new SendOutcome(mail, Optional.of(failure), true);
    }

    static SendOutcome skipped(OutgoingMail mail, MailDeliveryException failure) {
        return new SendOutcome(mail, Optional.of(failure), false);
    }

    /** Whether the server accepted the mail. */
    public boolean delivered() {
        return failure.isEmpty();
    }
}
