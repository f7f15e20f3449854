package org.imssim.firmware.outlet;

import java.util.Objects;
import java.util.Optional;
import org.imssim.devices.unit.InputAddress;
import org.imssim.firmware.profile.Permissions;

/**
 * Who asks to switch an outlet, and how: a profile by e-mail, the web console or the API, or an
 * alarm response on behalf of an input. It names the requester in the {@code Outlet … switched}
 * event ({@code by <username> via <e-mail|web|api>}, {@code by <input address> via alarm}) and in
 * the mock PowerGate's record.
 *
 * @param name        the username, or the input address of an alarm response
 * @param via         how the request came
 * @param permissions the profile's permissions; empty for an alarm response, which may switch any
 *                    PowerGate (SPEC §4: regardless of profiles)
 */
public record OutletRequester(String name, Via via, Optional<Permissions> permissions) {

    /** How a request came, with the word the event uses. */
    public enum Via {
        EMAIL("e-mail"), WEB("web"), API("api"), ALARM("alarm");

        private final String word;

        Via(String word) {
            this.word = word;
        }

        /** {@code e-mail}, {@code web}, {@code api}, {@code alarm}. */
        public String word() {
            return word;
        }
    }

    public OutletRequester {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(via, "via");
        Objects.requireNonNull(permissions, "permissions");
        if (via == Via.ALARM ? permissions.isPresent() : permissions.isEmpty()) {
            throw new IllegalArgumentException("A profile has permissions; an alarm response has none");
        }
    }

    /** A profile, by e-mail, web or API. */
    public static OutletRequester profile(Permissions permissions, Via via) {
        return new OutletRequester(permissions.profile().username(), via, Optional.of(permissions));
    }

    /** The alarm responses of the input at {@code address}. */
    public static OutletRequester alarm(InputAddress address) {
        return new OutletRequester(address.toString(), Via.ALARM, Optional.empty());
    }

    /** True for an alarm response. */
    public boolean isAlarm() {
        return via == Via.ALARM;
    }
}
