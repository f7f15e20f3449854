package org.imssim.firmware.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one part of the configuration says about another, checked once the whole file is read:
 * units named in {@code unit:} and {@code units:} must be {@code host} or a configured Node, alarm
 * responses must name an existing PowerGate and outlet, and no GPIO pin may be used twice (the
 * second use, in file order, is the error).
 */
final class CrossReferences {

    static final String UNKNOWN_UNIT = "must be host or a node listed under nodes:, such as node-2";

    private record UnitReference(String unit, String path, int line) {
    }

    private record OutletReference(int powergate, String powergatePath, int powergateLine,
                                   Integer outlet, String outletPath, int outletLine) {
    }

    private record PinUse(int pin, String path, int line) {
    }

    private static final Pattern NODE_ID = Pattern.compile("node-(\\d{1,9})");

    private final Problems problems;
    private final Set<Integer> nodes = new HashSet<>();
    /** PowerGate number to its outlet count (null when that count is itself in error). */
    private final Map<Integer, Integer> powerGates = new HashMap<>();
    private final List<UnitReference> units = new ArrayList<>();
    private final List<OutletReference> outlets = new ArrayList<>();
    private final List<PinUse> pins = new ArrayList<>();

    CrossReferences(Problems problems) {
        this.problems = problems;
    }

    void nodeDeclared(int number) {
        nodes.add(number);
    }

    void powerGateDeclared(int number, Integer outletCount) {
        powerGates.putIfAbsent(number, outletCount);
    }

    void unit(String unit, String path, int line) {
        units.add(new UnitReference(unit, path, line));
    }

    void outlet(int powergate, String powergatePath, int powergateLine, Integer outlet, String outletPath, int outletLine) {
        outlets.add(new OutletReference(powergate, powergatePath, powergateLine, outlet, outletPath, outletLine));
    }

    void pin(int pin, String path, int line) {
        pins.add(new PinUse(pin, path, line));
    }

    void check() {
        units.forEach(this::checkUnit);
        outlets.forEach(this::checkOutlet);
        checkPins();
    }

    private void checkUnit(UnitReference ref) {
        if (ref.unit().equals("host")) {
            return;
        }
        Matcher node = NODE_ID.matcher(ref.unit());
        if (node.matches() && Integer.parseInt(node.group(1)) == 1) {
            problems.error(ref.path(), "node-1 is the Host: write host", ref.line());
        } else if (!node.matches() || !nodes.contains(Integer.parseInt(node.group(1)))) {
            problems.error(ref.path(), UNKNOWN_UNIT, ref.line());
        }
    }

    private void checkOutlet(OutletReference ref) {
        if (!powerGates.containsKey(ref.powergate())) {
            problems.error(ref.powergatePath(), "must be a PowerGate listed under powergates:", ref.powergateLine());
            return;
        }
        Integer count = powerGates.get(ref.powergate());
        if (count != null && ref.outlet() != null && ref.outlet() > count) {
            problems.error(ref.outletPath(), "must be an outlet of PowerGate " + ref.powergate() + ": 1 to " + count,
                    ref.outletLine());
        }
    }

    private void checkPins() {
        Map<Integer, PinUse> first = new HashMap<>();
        pins.stream()
                .sorted(Comparator.comparingInt(PinUse::line).thenComparing(PinUse::path))
                .forEach(use -> {
                    PinUse earlier = first.putIfAbsent(use.pin(), use);
                    if (earlier != null) {
                        problems.error(use.path(), "uses GPIO pin " + use.pin() + ", already used by " + earlier.path(),
                                use.line());
                    }
                });
    }
}
