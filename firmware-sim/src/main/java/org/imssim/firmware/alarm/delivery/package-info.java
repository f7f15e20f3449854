/**
 * What the unit does when an alarm occurrence starts and ends (SPEC §4 "Delivery", §6):
 * {@link org.imssim.firmware.alarm.delivery.AlarmDelivery} mails the calling rounds and the
 * return-to-normal mail and acknowledges in the unit's name when the rounds are used up;
 * {@link org.imssim.firmware.alarm.delivery.AlarmResponses} switches the outlets an input's
 * {@code alarm-responses} name; {@link org.imssim.firmware.alarm.delivery.AlarmMail} writes the
 * mails; {@link org.imssim.firmware.alarm.delivery.Recipients} picks who gets them. All of it is
 * loop-confined, on the unit's event loop and clock, as the alarm engine that calls it.
 */
package org.imssim.firmware.alarm.delivery;
