package org.imssim.devices.powergate.serial;

/** What {@link LineDecoder} makes of one line: a {@link LineFrame}, or a {@link LineError} for a line it dropped. */
public sealed interface Decoded permits LineFrame, LineError {
}
