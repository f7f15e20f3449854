package org.imssim.firmware.cli;

/** The command line's exit codes (SPEC §12, §14). */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILURE = 1;
    static final int CONFIG_ERROR = 2;

    private ExitCodes() {
    }
}
