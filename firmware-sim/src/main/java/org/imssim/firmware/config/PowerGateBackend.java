package org.imssim.firmware.config;

/** What drives a PowerGate's relays (SPEC §11): {@code mock}, {@code gpio} (one pin per outlet), {@code serial} (the imssim PowerGate line protocol) or {@code usb-relay} (a USB relay module). */
public enum PowerGateBackend {
    MOCK, GPIO, SERIAL, USB_RELAY
}
