package org.imssim.firmware.config;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a composed YAML document into an {@link ImsConfig}, section by section, then checks cross references. */
final class ConfigReader {

    private final ReadContext ctx;

    ConfigReader(ReadContext ctx) {
        this.ctx = ctx;
    }

    /** The configuration; null when any error was found (all of them are in the context's problems). */
    ImsConfig read(MappingCursor root, Path sourceFile) {
        CrossReferences references = new CrossReferences(ctx.problems);
        ClassCatalog classes = ClassCatalog.read(root, ctx);
        UnitSettings unit = UnitReader.read(root);
        List<LocalDate> holidays = readHolidays(root);
        EmailConfig email = EmailReader.read(root);
        ServiceSectionsReader services = new ServiceSectionsReader(ctx);
        StorageConfig storage = services.storage(root);
        WebConfig web = services.web(root);
        SnmpConfig snmp = services.snmp(root);
        NetworkConfig network = services.network(root);
        DeliveryConfig delivery = services.delivery(root);
        DatalogConfig datalog = services.datalog(root);
        EventsConfig events = services.events(root);
        InputReader inputReader = new InputReader(ctx, classes, references);
        List<InputConfig> inputs = inputReader.readAll(root, "inputs", true);
        List<NodeConfig> nodes = new NodeReader(references, inputReader).readAll(root);
        List<PowerGateConfig> powerGates = new PowerGateReader(ctx, references).readAll(root);
        List<ProfileConfig> profiles = new ProfileReader(ctx, classes, references).readAll(root);
        List<IpDeviceConfig> ipDevices = new IpDeviceReader(ctx, classes, references).readAll(root);
        references.check();
        ctx.reportUnknownKeys();
        if (ctx.problems.hasErrors()) {
            return null;
        }
        return new ImsConfig(unit, classes.custom(), holidays, email, storage, web, snmp, network, delivery, datalog,
                events, inputs, nodes, powerGates, profiles, ipDevices, sourceFile);
    }

    private List<LocalDate> readHolidays(MappingCursor root) {
        List<LocalDate> holidays = new ArrayList<>();
        for (MappingCursor.Item item : root.items("holidays")) {
            String text = ctx.text(item.node(), item.path());
            Optional<LocalDate> date = text == null ? Optional.empty() : ValueSyntax.date(text);
            if (date.isPresent()) {
                holidays.add(date.get());
            } else if (!ctx.failsAsText(item.node())) {
                ctx.problems.error(item.path(), ValueSyntax.DATE_SENTENCE, item.line());
            }
        }
        return holidays;
    }
}
