package org.imssim.firmware.config;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole, valid configuration of one unit (SPEC §12), as {@link ConfigLoader} returns it. Immutable;
 * every default of §12 is filled in except those that depend on a sensor type (see {@link InputConfig}).
 *
 * @param unit       {@code unit:}
 * @param classes    {@code classes:}, the configuration's own classes (the manual's are in {@link AlarmClasses#MANUAL})
 * @param holidays   {@code holidays:}
 * @param email      {@code email:}
 * @param storage    {@code storage:}
 * @param web        {@code web:}
 * @param snmp       {@code snmp:}
 * @param network    {@code network:}
 * @param delivery   {@code delivery:}
 * @param datalog    {@code datalog:}
 * @param events     {@code events:}
 * @param inputs     {@code inputs:}, the Host's (a Node's are in {@link NodeConfig#inputs()})
 * @param nodes      {@code nodes:}
 * @param powergates {@code powergates:}
 * @param profiles   {@code profiles:}
 * @param ipDevices  {@code ip-devices:}
 * @param sourceFile the file it was loaded from; null when loaded from text
 */
public record ImsConfig(UnitSettings unit, List<String> classes, List<LocalDate> holidays, EmailConfig email,
                        StorageConfig storage, WebConfig web, SnmpConfig snmp, NetworkConfig network,
                        DeliveryConfig delivery, DatalogConfig datalog, EventsConfig events,
                        List<InputConfig> inputs, List<NodeConfig> nodes, List<PowerGateConfig> powergates,
                        List<ProfileConfig> profiles, List<IpDeviceConfig> ipDevices, Path sourceFile) {

    public ImsConfig {
        Objects.requireNonNull(unit, "unit");
        classes = List.copyOf(classes);
        holidays = List.copyOf(holidays);
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(web, "web");
        Objects.requireNonNull(snmp, "snmp");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(datalog, "datalog");
        Objects.requireNonNull(events, "events");
        inputs = List.copyOf(inputs);
        nodes = List.copyOf(nodes);
        powergates = List.copyOf(powergates);
        profiles = List.copyOf(profiles);
        ipDevices = List.copyOf(ipDevices);
    }

    /** The manual's classes followed by the configuration's own. */
    public List<String> allClasses() {
        List<String> all = new ArrayList<>(AlarmClasses.MANUAL);
        all.addAll(classes);
        return List.copyOf(all);
    }

    /** The Node numbered {@code number}, if configured. */
    public Optional<NodeConfig> node(int number) {
        return nodes.stream().filter(n -> n.number() == number).findFirst();
    }

    /** The PowerGate numbered {@code number}, if configured. */
    public Optional<PowerGateConfig> powerGate(int number) {
        return powergates.stream().filter(p -> p.number() == number).findFirst();
    }
}
