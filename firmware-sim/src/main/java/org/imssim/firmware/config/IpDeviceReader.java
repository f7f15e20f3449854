package org.imssim.firmware.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads top-level {@code ip-devices:} (SPEC §2, §4): at most 64, names unique. */
final class IpDeviceReader {

    static final int MAX_IP_DEVICES = 64;

    private final ReadContext ctx;
    private final ClassCatalog classes;
    private final CrossReferences references;

    IpDeviceReader(ReadContext ctx, ClassCatalog classes, CrossReferences references) {
        this.ctx = ctx;
        this.classes = classes;
        this.references = references;
    }

    List<IpDeviceConfig> readAll(MappingCursor root) {
        List<IpDeviceConfig> devices = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<MappingCursor> all = root.mappings("ip-devices");
        for (int i = 0; i < all.size(); i++) {
            MappingCursor m = all.get(i);
            if (i == MAX_IP_DEVICES) {
                ctx.problems.error(m.path(), "is one too many: a unit has at most " + MAX_IP_DEVICES + " IP devices",
                        m.line());
            }
            IpDeviceConfig device = read(m, names);
            if (device != null) {
                devices.add(device);
            }
        }
        return devices;
    }

    private IpDeviceConfig read(MappingCursor m, Set<String> names) {
        String name = m.required("name");
        if (name != null && !names.add(name)) {
            m.error("name", "is already used by another IP device");
        }
        String address = m.required("address");
        if (address != null && !ValueSyntax.isHost(address)) {
            m.error("address", ValueSyntax.HOST_SENTENCE);
        }
        String unit = m.text("unit");
        if (unit != null) {
            references.unit(unit, m.pathOf("unit"), m.lineOf("unit"));
        } else {
            unit = "host";
        }
        boolean enabled = m.bool("enabled", true);
        Duration interval = m.positiveDuration("interval", Duration.ofSeconds(60));
        Duration timeout = m.positiveDuration("timeout", Duration.ofSeconds(2));
        int retries = m.integerAtLeast("retries", 3, 0);
        String alarmClass = classes.readClass(m, "class", "IP Alarms");
        Duration resetTime = InputReader.resetTime(m);
        boolean returnToNormal = m.bool("return-to-normal", true);
        ScheduleConfig schedule = ScheduleReader.read(m, "schedule", ctx);
        if (name == null || address == null || ctx.problems.hasErrors()) {
            return null;
        }
        return new IpDeviceConfig(name, address, unit, enabled, interval, timeout, retries, alarmClass, resetTime,
                returnToNormal, schedule);
    }
}
