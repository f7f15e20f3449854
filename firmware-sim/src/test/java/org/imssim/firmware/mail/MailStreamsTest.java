package org.imssim.firmware.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.imssim.firmware.mail.inbound.CommandMailReader;
import org.junit.jupiter.api.Test;

/** The stream provider named once for the JVM, so that Jakarta Mail does not scan the class path for it per message. */
class MailStreamsTest {

    @Test
    void readingMailNamesAngusMailsProviderTheOneTheScanWouldFind() {
        CommandMailReader.read("Subject: x\r\n\r\nbody\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                java.util.Set.of("ims@example.com"));
        assertThat(System.getProperty(MailStreams.PROPERTY)).isEqualTo(MailStreamProvider.class.getName());
        assertThat(StreamProvider.provider()).isInstanceOf(MailStreamProvider.class);
    }

    @Test
    void aProviderTheOperatorNamedIsKept() {
        String before = System.getProperty(MailStreams.PROPERTY);
        try {
            System.setProperty(MailStreams.PROPERTY, "com.example.TheirProvider");
            MailStreams.nameProvider();
            assertThat(System.getProperty(MailStreams.PROPERTY)).isEqualTo("com.example.TheirProvider");
        } finally {
            if (before == null) {
                System.clearProperty(MailStreams.PROPERTY);
            } else {
                System.setProperty(MailStreams.PROPERTY, before);
            }
        }
    }
}
