package org.imssim.devices.powergate.serial;

/**
 * The words of the PowerGate line protocol, version 1 ({@code docs/powergate-protocol.md}): its
 * verbs, error codes and the outlet strings of {@code STATE}.
 */
public final class PowerGateProtocol {

    /** The protocol version this build speaks. */
    public static final int VERSION = 1;

    public static final String HELLO = "HELLO";
    public static final String GET = "GET";
    public static final String SET = "SET";
    public static final String STATE = "STATE";
    public static final String ERR = "ERR";
    public static final String ON = "ON";
    public static final String OFF = "OFF";

    /** The error codes of {@code ERR}. */
    public enum ErrorCode {
        CHECKSUM, UNKNOWN, RANGE, ARGUMENT, VERSION, HELLO
    }

    private PowerGateProtocol() {
    }

    /** The outlet string of {@code STATE}: {@code 1} for on, {@code 0} for off, outlet 1 first. */
    public static String outlets(boolean[] on) {
        StringBuilder b = new StringBuilder(on.length);
        for (boolean o : on) {
            b.append(o ? '1' : '0');
        }
        return b.toString();
    }

    /**
     * Reads an outlet string of {@code STATE}.
     *
     * @return one entry per outlet, or null when the text is not 1–8 of {@code 0} and {@code 1}
     */
    public static boolean[] outlets(String text) {
        if (text == null || text.isEmpty() || text.length() > 8) {
            return null;
        }
        boolean[] on = new boolean[text.length()];
        for (int i = 0; i < on.length; i++) {
            char c = text.charAt(i);
            if (c != '0' && c != '1') {
                return null;
            }
            on[i] = c == '1';
        }
        return on;
    }
}
