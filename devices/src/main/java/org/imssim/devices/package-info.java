/**
 * The IMS-4000 hardware on top of the HAL: sensor types and readings ({@code sensor}), the Host
 * and its Nodes with their inputs ({@code unit}), and PowerGates with their outlets
 * ({@code powergate}).
 *
 * <p>Devices hold state and report changes; they do not decide alarms, own no timer and no
 * thread. Each device is given the executor of the thread that owns its unit: events from HAL
 * threads are handed to it, and the device's state is read and changed only there. Devices are
 * built from plain values, so that the firmware maps its configuration onto them; there is no
 * static mutable state.
 */
package org.imssim.devices;
