package org.imssim.firmware.config;

import java.time.LocalTime;

/**
 * The hours of one day a schedule is active: from {@code startMinute} included to {@code endMinute}
 * excluded, in minutes after midnight (0 to 1440; 1440 is the {@code 24} end). {@link #NONE} is a
 * day written {@code none}.
 *
 * @param startMinute first active minute of the day
 * @param endMinute   first inactive minute after the range; at most 1440
 */
public record ActiveHours(int startMinute, int endMinute) {

    /** A day written {@code none}: never active. */
    public static final ActiveHours NONE = new ActiveHours(0, 0);

    /** The whole day, {@code "00-24"}. */
    public static final ActiveHours ALL_DAY = new ActiveHours(0, 24 * 60);

    public ActiveHours {
        if (startMinute < 0 || endMinute > 24 * 60 || startMinute > endMinute) {
            throw new IllegalArgumentException("active hours must satisfy 0 <= start <= end <= 1440");
        }
    }

    /** True when {@code time} (a wall-clock time of the unit's zone) falls in these hours. */
    public boolean contains(LocalTime time) {
        int minute = time.getHour() * 60 + time.getMinute();
        return minute >= startMinute && minute < endMinute;
    }

    /** True for {@link #NONE} and any other empty range. */
    public boolean isNone() {
        return startMinute == endMinute;
    }
}
