package org.imssim.firmware.config;

/** What drives an input (SPEC §11): {@code mock} (the simulation), {@code gpio} (a contact, water or smoke sensor on a Raspberry Pi pin) or {@code onewire} (a DS18B20 temperature probe). */
public enum InputBackend {
    MOCK, GPIO, ONEWIRE
}
