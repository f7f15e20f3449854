package org.imssim.firmware.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the small top-level sections that set up the unit's services: {@code storage:}, {@code web:},
 * {@code snmp:}, {@code network:}, {@code delivery:}, {@code datalog:} and {@code events:}.
 */
final class ServiceSectionsReader {

    private static final Pattern HOST_AND_PORT = Pattern.compile("(.+?)(?::(\\d{1,5}))?");

    private final ReadContext ctx;

    ServiceSectionsReader(ReadContext ctx) {
        this.ctx = ctx;
    }

    StorageConfig storage(MappingCursor root) {
        MappingCursor m = root.child("storage");
        Path dir = m.path("dir", "./imssim-data");
        return dir == null ? null : new StorageConfig(dir);
    }

    WebConfig web(MappingCursor root) {
        MappingCursor m = root.child("web");
        String bind = host(m, "bind", "127.0.0.1");
        int port = m.integerIn("port", 8080, 0, 65535);
        List<String> hosts = m.texts("hosts");
        checkEach(m, "hosts", ValueSyntax::isHost, ValueSyntax.HOST_SENTENCE);
        return new WebConfig(bind, port, hosts);
    }

    SnmpConfig snmp(MappingCursor root) {
        MappingCursor m = root.child("snmp");
        boolean enabled = m.bool("enabled", false);
        String bind = host(m, "bind", "127.0.0.1");
        int port = m.integerIn("port", 161, 0, 65535);
        String community = Optional.ofNullable(m.secret("community")).orElse("public");
        List<String> trapManagers = m.texts("trap-managers");
        checkEach(m, "trap-managers", ServiceSectionsReader::isHostAndPort,
                "must be a host or host:port, such as 192.0.2.7:162");
        return new SnmpConfig(enabled, bind, port, community, trapManagers);
    }

    NetworkConfig network(MappingCursor root) {
        MappingCursor m = root.child("network");
        ProbeMode probe = m.choice("probe", ProbeMode.SYSTEM, ProbeMode.class);
        Map<String, Boolean> simulatedHosts = new HashMap<>();
        if (m.has("simulated-hosts")) {
            MappingCursor hosts = m.child("simulated-hosts");
            for (MappingCursor.Entry entry : hosts.entries()) {
                if (!ValueSyntax.isHost(entry.key())) {
                    ctx.problems.error(entry.path(), "is not an IPv4 address or a host name", entry.keyLine());
                    continue;
                }
                String text = ctx.text(entry.value(), entry.path());
                Optional<Boolean> reachable = text == null ? Optional.empty() : ValueSyntax.bool(text);
                if (reachable.isEmpty()) {
                    if (!ctx.failsAsText(entry.value())) {
                        ctx.problems.error(entry.path(), "must be true (it answers) or false (it does not)",
                                ReadContext.line(entry.value()));
                    }
                    continue;
                }
                simulatedHosts.put(entry.key(), reachable.get());
            }
        }
        return new NetworkConfig(probe, simulatedHosts);
    }

    DeliveryConfig delivery(MappingCursor root) {
        MappingCursor m = root.child("delivery");
        Duration intercallDelay = m.durationAtLeast("intercall-delay", Duration.ofMinutes(1), Duration.ofMinutes(1), "1m");
        int maxRounds = m.integerAtLeast("max-rounds", 3, 1);
        return new DeliveryConfig(intercallDelay, maxRounds);
    }

    DatalogConfig datalog(MappingCursor root) {
        MappingCursor m = root.child("datalog");
        Duration interval = m.positiveDuration("interval", Duration.ofMinutes(5));
        Duration retention = m.positiveDuration("retention", Duration.ofDays(30));
        return new DatalogConfig(interval, retention);
    }

    EventsConfig events(MappingCursor root) {
        MappingCursor m = root.child("events");
        return new EventsConfig(m.positiveDuration("retention", Duration.ofDays(90)));
    }

    private static String host(MappingCursor m, String key, String dflt) {
        String host = m.text(key);
        if (host == null) {
            return dflt;
        }
        if (!ValueSyntax.isAddress(host)) {
            m.error(key, ValueSyntax.ADDRESS_SENTENCE);
        }
        return host;
    }

    /** Reports each entry of the list under {@code key} that {@code valid} refuses. */
    private void checkEach(MappingCursor m, String key, Predicate<String> valid, String sentence) {
        for (MappingCursor.Item item : m.items(key)) {
            String text = ctx.text(item.node(), item.path());
            if (text != null && !valid.test(text)) {
                ctx.problems.error(item.path(), sentence, item.line());
            }
        }
    }

    private static boolean isHostAndPort(String text) {
        Matcher m = HOST_AND_PORT.matcher(text);
        return m.matches() && ValueSyntax.isHost(m.group(1))
                && (m.group(2) == null || Integer.parseInt(m.group(2)) <= 65535);
    }
}
