package org.imssim.firmware.command;

/** The arguments of a command do not fit its syntax; the reply shows the syntax line. */
public final class BadArgumentsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadArgumentsException() {
        super("bad arguments", null, false, false);
    }
}
