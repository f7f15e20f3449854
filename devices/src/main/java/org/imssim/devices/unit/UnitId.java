package org.imssim.devices.unit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which unit of an IMS-4000 system: the Host (unit 1, id {@code host}) or a Node (units 2–32,
 * ids {@code node-2} … {@code node-32}). {@code node-1} is not a unit.
 *
 * @param number 1 for the Host, 2–32 for a Node
 */
public record UnitId(int number) implements Comparable<UnitId> {

    /** The highest Node number. */
    public static final int MAX_NODE = 32;

    private static final Pattern NODE_ID = Pattern.compile("node-([1-9][0-9]?)");

    public UnitId {
        if (number < 1 || number > MAX_NODE) {
            throw new IllegalArgumentException(
                    "A unit number is 1 for the Host or 2 to 32 for a Node, not " + number + ".");
        }
    }

    /** The Host. */
    public static UnitId host() {
        return new UnitId(1);
    }

    /**
     * Node {@code number}.
     *
     * @throws IllegalArgumentException unless {@code number} is 2 to 32
     */
    public static UnitId node(int number) {
        if (number < 2 || number > MAX_NODE) {
            throw new IllegalArgumentException("A Node number must be 2 to 32, not " + number + ".");
        }
        return new UnitId(number);
    }

    /**
     * The unit whose id is {@code id}: {@code host} or {@code node-<n>}, n = 2–32.
     *
     * @throws IllegalArgumentException for anything else, {@code node-1} included
     */
    public static UnitId parse(String id) {
        if ("host".equals(id)) {
            return host();
        }
        Matcher m = id == null ? null : NODE_ID.matcher(id);
        if (m != null && m.matches()) {
            int n = Integer.parseInt(m.group(1));
            if (n >= 2 && n <= MAX_NODE) {
                return new UnitId(n);
            }
        }
        throw new IllegalArgumentException("There is no unit " + id + ": units are host and node-2 to node-32.");
    }

    /** True for the Host. */
    public boolean isHost() {
        return number == 1;
    }

    /** The id: {@code host} or {@code node-<n>}. */
    public String id() {
        return isHost() ? "host" : "node-" + number;
    }

    /** The highest channel this unit has: 11 on the Host, 9 on a Node. */
    public int lastChannel() {
        return isHost() ? 11 : 9;
    }

    @Override
    public int compareTo(UnitId other) {
        return Integer.compare(number, other.number);
    }

    @Override
    public String toString() {
        return id();
    }
}
