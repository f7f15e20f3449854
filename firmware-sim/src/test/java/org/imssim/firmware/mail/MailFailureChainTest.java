package org.imssim.firmware.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class MailFailureChainTest {

    @Test
    void followsCausesAndNextExceptionsOutermostFirst() {
        MessagingException smtp = new MessagingException("connect failed", new ConnectException("refused"));
        MailFailureChain chain = MailFailureChain.of(new IllegalStateException(smtp));

        assertThat(chain.types()).isEqualTo("IllegalStateException < MessagingException < ConnectException");
        assertThat(chain.has(ConnectException.class)).isTrue();
        assertThat(chain.has(IOException.class)).isTrue(); // ConnectException is one
        assertThat(chain.has(SocketTimeoutException.class)).isFalse();
    }

    @Test
    void aCycleEnds() {
        IOException a = new IOException("a");
        IOException b = new IOException("b", a);
        a.initCause(b);

        assertThat(MailFailureChain.of(a).links()).containsExactly(a, b);
    }

    @Test
    void aLongChainStopsAtSixteenLinks() {
        Throwable failure = new IOException("0");
        for (int i = 1; i < 40; i++) {
            failure = new IOException(Integer.toString(i), failure);
        }

        assertThat(MailFailureChain.of(failure).links()).hasSize(16);
    }

    @Test
    void namesTheCommonCauses() {
        assertThat(MailFailureChain.of(new MessagingException("x", new SocketTimeoutException())).timedOut()).isTrue();
        assertThat(MailFailureChain.of(new IOException("Write timed out")).timedOut()).isTrue();
        assertThat(MailFailureChain.of(new MessagingException("x", new SSLHandshakeException("no"))).tlsFailed()).isTrue();
        assertThat(MailFailureChain.of(new MessagingException("x", new UnknownHostException())).unreachable()).isTrue();
        MailFailureChain refused = MailFailureChain.of(new MessagingException("x", new ConnectException()));
        assertThat(refused.unreachable()).isFalse();
        assertThat(refused.timedOut()).isFalse();
        assertThat(refused.tlsFailed()).isFalse();
    }

    @Test
    void saysAtStartLooksAtTheStartOfEachLinksText() {
        MailFailureChain chain = MailFailureChain.of(
                new MessagingException("outer", new IOException("STARTTLS required but not supported")));

        assertThat(chain.saysAtStart("STLS required but", "STARTTLS required but")).isTrue();
        assertThat(chain.saysAtStart("not supported")).isFalse();
        assertThat(MailFailureChain.of(new IOException()).saysAtStart("STARTTLS")).isFalse();
    }
}
