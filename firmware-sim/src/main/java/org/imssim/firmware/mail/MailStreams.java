package org.imssim.firmware.mail;

/**
 * Names Jakarta Mail's stream provider once for the JVM, so that it is not looked up again for
 * every message. Jakarta Mail 2.1 asks {@code StreamProvider.provider()} for its encoder and
 * decoder streams each time it reads a message's headers, decodes a part or writes a message,
 * and without the system property that names it, each ask is a {@link java.util.ServiceLoader}
 * scan of every jar on the class path. The property names the provider that scan finds, Angus
 * Mail's, so nothing changes but the cost. A value the operator set ({@code -D…}) is kept.
 */
public final class MailStreams {

    /** The system property Jakarta Mail reads first. */
    static final String PROPERTY = "jakarta.mail.util.StreamProvider";
    /** Angus Mail's provider: the one its service file names. */
    static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

    private MailStreams() {
    }

    /** Sets the property unless it is set; idempotent, any thread. */
    public static void nameProvider() {
        synchronized (MailStreams.class) {
            if (System.getProperty(PROPERTY) == null) {
                System.setProperty(PROPERTY, ANGUS);
            }
        }
    }
}
