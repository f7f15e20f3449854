package org.imssim.firmware.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A loopback port where nothing listens, for a mail server that is down and is started there
 * later in the same test.
 *
 * <p>The port is taken below the kernel's ephemeral range: a port from {@code bind(0)} lies inside
 * it, so while nothing listens there, any outgoing connection (the unit's own attempts included)
 * may be given it as its local port, and the server could then not be started on it.
 */
public final class UnusedPort {

    private UnusedPort() {
    }

    public static int find() {
        int low = ephemeralLow();
        if (low < 3000) {
            throw new IllegalStateException("The ephemeral port range starts at " + low + "; no room below it");
        }
        int from = Math.max(1024, Math.min(20_000, low - 10_000));
        for (int tries = 0; tries < 200; tries++) {
            int port = ThreadLocalRandom.current().nextInt(from, low);
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // another one
            }
        }
        throw new IllegalStateException("No free loopback port below " + low);
    }

    /** The first port of {@code net.ipv4.ip_local_port_range}, 32768 when it cannot be read. */
    private static int ephemeralLow() {
        // Not Files.readString: it trusts the size /proc reports and reads a single byte here.
        try (BufferedReader reader = Files.newBufferedReader(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
            return Integer.parseInt(reader.readLine().trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32768;
        }
    }
}
