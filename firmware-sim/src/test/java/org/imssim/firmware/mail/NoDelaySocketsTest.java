package org.imssim.firmware.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Properties;
import javax.net.SocketFactory;
import org.junit.jupiter.api.Test;

/** The socket factory the unit gives Jakarta Mail for plain-text mail connections. */
class NoDelaySocketsTest {

    @Test
    void plainTextProtocolsGetTheFactoryAndTlsOnConnectKeepsAngussOwn() {
        Properties props = new Properties();
        for (String protocol : new String[] {"smtp", "pop3", "imap", "smtps", "pop3s", "imaps"}) {
            NoDelaySockets.use(props, protocol);
        }
        for (String plain : new String[] {"smtp", "pop3", "imap"}) {
            assertThat(props.get("mail." + plain + ".socketFactory")).isInstanceOf(NoDelaySockets.class);
            assertThat(props.getProperty("mail." + plain + ".socketFactory.fallback")).isEqualTo("false");
        }
        assertThat(props.keySet()).noneMatch(key -> key.toString().matches("mail\\.\\w+s\\..*"));
    }

    @Test
    void everySocketItMakesHasTcpNoDelay() throws Exception {
        Properties props = new Properties();
        NoDelaySockets.use(props, "imap");
        SocketFactory factory = (SocketFactory) props.get("mail.imap.socketFactory");
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket server = new ServerSocket(0, 5, loopback)) {
            int port = server.getLocalPort();
            try (Socket unconnected = factory.createSocket();
                 Socket byName = factory.createSocket(loopback.getHostAddress(), port);
                 Socket byAddress = factory.createSocket(loopback, port)) {
                unconnected.connect(new InetSocketAddress(loopback, port), 5_000); // as Angus connects with a timeout
                assertThat(unconnected.getTcpNoDelay()).isTrue();
                assertThat(byName.getTcpNoDelay()).isTrue();
                assertThat(byAddress.getTcpNoDelay()).isTrue();
            }
        }
    }
}
