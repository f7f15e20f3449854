package org.imssim.firmware.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.angus.mail.util.MailStreamProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stream provider named once for the JVM, so that Jakarta Mail does not scan the class path for it per message. */
class MailStreamsTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(MailStreams.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(MailStreams.PROPERTY);
        } else {
            System.setProperty(MailStreams.PROPERTY, before);
        }
    }

    @Test
    void theProviderNamedIsAngusMailsTheOneTheScanWouldFind() {
        System.clearProperty(MailStreams.PROPERTY);
        MailStreams.nameProvider();
        assertThat(System.getProperty(MailStreams.PROPERTY)).isEqualTo(MailStreamProvider.class.getName());
    }

    @Test
    void aProviderTheOperatorNamedIsKept() {
        System.setProperty(MailStreams.PROPERTY, "com.example.TheirProvider");
        MailStreams.nameProvider();
        assertThat(System.getProperty(MailStreams.PROPERTY)).isEqualTo("com.example.TheirProvider");
    }
}
