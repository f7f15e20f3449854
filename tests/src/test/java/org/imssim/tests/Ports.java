package org.imssim.tests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/** Free loopback ports for servers a test starts in another process. */
public final class Ports {

    private Ports() {
    }

    public static int free() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A free loopback port below the kernel's ephemeral range, for a server that is down now and
     * started there later in the test. A port from {@link #free()} lies inside the range: while
     * nothing listens there, an outgoing connection may be given it as its local port, and the
     * server could then not be started on it.
     */
    public static int belowEphemeralRange() {
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
