package org.imssim.firmware.api;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.imssim.devices.sensor.Reading;
import org.imssim.firmware.event.Event;
import org.imssim.firmware.status.StatusSnapshot;

/**
 * The web console's one page: the unit's status as the signed-in profile may see it, and the
 * newest events; it refreshes itself. Plain server-side HTML, every text escaped, no script.
 */
final class ConsolePage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT);

    private ConsolePage() {
    }

    static String render(StatusSnapshot status, List<Event> events, String username, ZonedDateTime now) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"refresh\" content=\"10\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>IMS-4000 ").append(escape(status.unit().name())).append("</title>")
                .append("<style>body{font-family:sans-serif;margin:1.5em;color:#222}table{border-collapse:collapse;margin-bottom:1.5em}")
                .append("th,td{text-align:left;padding:.25em .8em;border-bottom:1px solid #ddd}h2{margin-top:1.2em}")
                .append(".NORMAL,.ON,.Responding{color:#176f2c}.OFF{color:#555}")
                .append(".ALARM_UNACKED,.ALARM_ACKED,.TROUBLE,.UNKNOWN,.Ping_Timeout{color:#b00020;font-weight:bold}")
                .append(".PENDING,.RTN_UNACKED,.CYCLING{color:#a15c00}</style></head><body>\n");
        html.append("<h1>IMS-4000 ").append(escape(status.unit().name())).append("</h1>\n<p>")
                .append(escape(TIME.format(now))).append(" ").append(escape(now.getZone().getId()))
                .append(", signed in as ").append(escape(username)).append(". The page refreshes every 10 s.</p>\n");
        if (status.isEmpty()) {
            html.append("<p>There is nothing on this unit you may see.</p>\n");
        }
        for (StatusSnapshot.UnitStatus unit : status.units()) {
            html.append("<h2>").append(escape(unit.name())).append("</h2>\n<table><tr><th>Channel</th><th>Input</th>")
                    .append("<th>Reading</th><th>State</th></tr>\n");
            for (StatusSnapshot.InputStatus input : unit.inputs()) {
                html.append("<tr><td>").append(input.channel()).append("</td><td>").append(escape(input.name()))
                        .append("</td><td>").append(escape(reading(input))).append("</td>")
                        .append(state(input.state())).append("</tr>\n");
            }
            html.append("</table>\n");
        }
        for (StatusSnapshot.PowerGateStatus gate : status.powergates()) {
            html.append("<h2>PowerGate ").append(gate.number()).append(' ').append(escape(gate.name()))
                    .append("</h2>\n<table><tr><th>Outlet</th><th>Name</th><th>State</th></tr>\n");
            for (StatusSnapshot.OutletStatus outlet : gate.outlets()) {
                html.append("<tr><td>").append(outlet.number()).append("</td><td>").append(escape(outlet.name()))
                        .append("</td>").append(state(outlet.state())).append("</tr>\n");
            }
            html.append("</table>\n");
        }
        if (!status.ipDevices().isEmpty()) {
            html.append("<h2>IP devices</h2>\n<table><tr><th>Name</th><th>Address</th><th>State</th></tr>\n");
            for (StatusSnapshot.IpDeviceStatus device : status.ipDevices()) {
                html.append("<tr><td>").append(escape(device.name())).append("</td><td>").append(escape(device.address()))
                        .append("</td>").append(state(device.state())).append("</tr>\n");
            }
            html.append("</table>\n");
        }
        html.append("<h2>Events</h2>\n<table><tr><th>Time</th><th>Unit</th><th>Event</th></tr>\n");
        ZoneId zone = now.getZone();
        for (Event event : events) {
            html.append("<tr><td>").append(escape(TIME.format(event.time().atZone(zone)))).append("</td><td>")
                    .append(escape(event.unit())).append("</td><td>").append(escape(event.text())).append("</td></tr>\n");
        }
        html.append("</table>\n<p>The same data as JSON: <a href=\"/api/status\">/api/status</a>, ")
                .append("<a href=\"/api/events\">/api/events</a>.</p>\n</body></html>\n");
        return html.toString();
    }

    private static String reading(StatusSnapshot.InputStatus input) {
        if (input.value() == null) {
            return "no sensor";
        }
        return input.value() instanceof Double number ? Reading.formatNumber(number) + " " + input.unit()
                : input.value().toString();
    }

    private static String state(String state) {
        return "<td class=\"" + escape(state.replace(' ', '_')) + "\">" + escape(state) + "</td>";
    }

    /** HTML-escapes text for element content and quoted attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
