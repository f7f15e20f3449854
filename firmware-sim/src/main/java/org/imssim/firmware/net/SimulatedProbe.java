package org.imssim.firmware.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated network ({@code network.probe: simulated}, SPEC §10): a target answers when
 * {@code network.simulated-hosts} says it is reachable; any other target does not. The text has
 * the shape iputils prints, so a reply reads the same either way.
 */
public final class SimulatedProbe implements NetworkProbe {

    private final Map<String, Boolean> hosts;

    public SimulatedProbe(Map<String, Boolean> hosts) {
        this.hosts = new ConcurrentHashMap<>(hosts);
    }

    /** Makes {@code target} answer or not from now on (the simulation's ping fault, SPEC §10). */
    public void setReachable(String target, boolean reachable) {
        hosts.put(target, reachable);
    }

    private boolean reachable(Target target) {
        return hosts.getOrDefault(target.text(), false);
    }

    @Override
    public String ping(Target target) {
        List<String> lines = new ArrayList<>();
        lines.add("PING " + target.text() + " 56(84) bytes of data.");
        if (reachable(target)) {
            for (int seq = 1; seq <= 4; seq++) {
                lines.add("64 bytes from " + target.text() + ": icmp_seq=" + seq + " ttl=64 time=0.1 ms");
            }
            lines.add("--- " + target.text() + " ping statistics ---");
            lines.add("4 packets transmitted, 4 received, 0% packet loss, time 3003ms");
        } else {
            lines.add("--- " + target.text() + " ping statistics ---");
            lines.add("4 packets transmitted, 0 received, 100% packet loss, time 3003ms");
        }
        return String.join("\n", lines);
    }

    @Override
    public boolean answers(Target target, java.time.Duration timeout) {
        return reachable(target);
    }

    @Override
    public String trace(Target target) {
        if (reachable(target)) {
            return " 1:  " + target.text() + "  0.100ms reached\n     Resume: pmtu 1500 hops 1 back 1";
        }
        return " 1:  no reply\n     Too many hops: pmtu 1500\n     Resume: pmtu 1500";
    }
}
