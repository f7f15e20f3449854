package org.imssim.firmware.config;

import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code schedule:} (SPEC §12): keys are days ({@code mon} … {@code sun}), ranges of days
 * ({@code mon-fri}, not wrapping past {@code sun}, not overlapping each other) and {@code holidays};
 * values are {@code none}, {@code "HH-HH"} or {@code "HH:MM-HH:MM"}, start before end, {@code 24}
 * only as an end. A single day overrides a range that contains it.
 */
final class ScheduleReader {

    static final String HOURS_SENTENCE = "must be none or a time range such as \"08-17\" or \"08:30-17:00\"";

    private static final List<String> DAY_WORDS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final Pattern DAY_RANGE = Pattern.compile("([a-z]{3})-([a-z]{3})");
    private static final Pattern HOURS = Pattern.compile("(\\d{1,2})(?::(\\d{2}))?-(\\d{1,2})(?::(\\d{2}))?");

    private ScheduleReader() {
    }

    /** The schedule under {@code key} of {@code owner}; null when not written (always active). */
    static ScheduleConfig read(MappingCursor owner, String key, ReadContext ctx) {
        if (!owner.has(key)) {
            return null;
        }
        MappingCursor schedule = owner.child(key);
        if (!schedule.written()) {
            return null;
        }
        Map<DayOfWeek, ActiveHours> fromRanges = new EnumMap<>(DayOfWeek.class);
        Map<DayOfWeek, ActiveHours> fromDays = new EnumMap<>(DayOfWeek.class);
        ActiveHours holidays = null;
        for (MappingCursor.Entry entry : schedule.entries()) {
            ActiveHours hours = hours(entry, ctx);
            if (entry.key().equals("holidays")) {
                holidays = hours;
            } else if (DAY_WORDS.contains(entry.key())) {
                putIfRead(fromDays, day(entry.key()), hours);
            } else {
                readRange(entry, hours, fromRanges, ctx);
            }
        }
        Map<DayOfWeek, ActiveHours> days = new EnumMap<>(fromRanges);
        days.putAll(fromDays);
        return new ScheduleConfig(days, holidays);
    }

    private static void readRange(MappingCursor.Entry entry, ActiveHours hours, Map<DayOfWeek, ActiveHours> fromRanges,
                                  ReadContext ctx) {
        Matcher range = DAY_RANGE.matcher(entry.key());
        if (!range.matches() || !DAY_WORDS.contains(range.group(1)) || !DAY_WORDS.contains(range.group(2))) {
            ctx.problems.error(entry.path(), "is not a day: write mon to sun, a range such as mon-fri, or holidays",
                    entry.keyLine());
            return;
        }
        DayOfWeek first = day(range.group(1));
        DayOfWeek last = day(range.group(2));
        if (first.compareTo(last) > 0) {
            ctx.problems.error(entry.path(), "must not wrap past sun: write it as two ranges, such as fri-sun and mon-tue",
                    entry.keyLine());
            return;
        }
        for (DayOfWeek d = first; d.compareTo(last) <= 0; d = DayOfWeek.of(d.getValue() + 1)) {
            if (fromRanges.containsKey(d)) {
                ctx.problems.error(entry.path(), "overlaps another range of days", entry.keyLine());
                return;
            }
            putIfRead(fromRanges, d, hours);
            if (d == DayOfWeek.SUNDAY) {
                break;
            }
        }
    }

    /**
     * Marks {@code day} as named; a day whose hours are in error gets {@link ActiveHours#NONE} (the
     * load fails anyway) so that overlaps are still found.
     */
    private static void putIfRead(Map<DayOfWeek, ActiveHours> days, DayOfWeek day, ActiveHours hours) {
        days.put(day, hours == null ? ActiveHours.NONE : hours);
    }

    private static DayOfWeek day(String word) {
        return DayOfWeek.of(DAY_WORDS.indexOf(word) + 1);
    }

    /** The hours of an entry's value; null when in error (reported). */
    private static ActiveHours hours(MappingCursor.Entry entry, ReadContext ctx) {
        int line = ReadContext.line(entry.value());
        String text = ctx.text(entry.value(), entry.path());
        if (text == null) {
            if (!ctx.failsAsText(entry.value())) {
                ctx.problems.error(entry.path(), HOURS_SENTENCE, line);
            }
            return null;
        }
        if (text.equals("none")) {
            return ActiveHours.NONE;
        }
        Matcher m = HOURS.matcher(text);
        if (!m.matches()) {
            ctx.problems.error(entry.path(), HOURS_SENTENCE, line);
            return null;
        }
        int startHour = Integer.parseInt(m.group(1));
        int startMinute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        int endHour = Integer.parseInt(m.group(3));
        int endMinute = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        if (startHour > 24 || endHour > 24 || startMinute > 59 || endMinute > 59) {
            ctx.problems.error(entry.path(), "must use hours 00 to 24 and minutes 00 to 59", line);
            return null;
        }
        if (startHour == 24) {
            ctx.problems.error(entry.path(), "may use 24 only as the end of a range", line);
            return null;
        }
        int start = startHour * 60 + startMinute;
        int end = endHour * 60 + endMinute;
        if (end > 24 * 60) {
            ctx.problems.error(entry.path(), "must end at 24 at the latest", line);
            return null;
        }
        if (start >= end) {
            ctx.problems.error(entry.path(), "must start before it ends; no range runs past midnight", line);
            return null;
        }
        return new ActiveHours(start, end);
    }
}
