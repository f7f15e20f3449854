/**
 * The in-memory backend: channels driven by the simulation instead of hardware.
 *
 * <p>Driving a mock fires exactly the event a real edge would, and only on a change: setting the
 * same level or value twice fires once. Faults are injected the same way: a probe unplugged or
 * swapped for another kind, a relay stuck, a serial line silent or noisy. The mock classes carry
 * helpers for tests (listener counts, bytes received) but no test logic.
 *
 * <p>Listeners of mock inputs and outputs are called on the thread that drives the mock, while
 * the mock holds its own lock, so that changes are heard in the order they were made.
 */
package org.imssim.hal.mock;
