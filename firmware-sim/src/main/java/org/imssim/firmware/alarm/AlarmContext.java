package org.imssim.firmware.alarm;

import org.imssim.firmware.loop.UnitClock;

/** What every input alarm of one engine shares: the clock, the event sink, the listener and the codes. */
record AlarmContext(UnitClock clock, AlarmEvents events, AlarmListener listener, AcknowledgmentCodes codes) {
}
