package org.imssim.firmware.profile;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.imssim.firmware.config.Level;
import org.imssim.firmware.config.ProfileConfig;

/**
 * What one profile may see and do (SPEC §5): a {@code master} sees every unit, a
 * {@code site-admin} or {@code user} the units in its {@code units}; inputs, Host channels 9–11
 * and IP devices appear only when their class is among the profile's classes; outlets are
 * filtered by unit only.
 */
public final class Permissions {

    private final ProfileConfig profile;
    private final Set<String> units;
    private final Set<String> classes;

    public Permissions(ProfileConfig profile) {
        this.profile = profile;
        this.units = profile.units().stream().map(u -> u.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.classes = profile.classes().stream().map(c -> c.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public ProfileConfig profile() {
        return profile;
    }

    /** True when the profile may see the unit {@code host} or {@code node-<n>}. */
    public boolean seesUnit(String unitId) {
        return profile.level() == Level.MASTER || units.contains(unitId.toLowerCase(Locale.ROOT));
    }

    /** True when the profile has this alarm class. */
    public boolean hasClass(String alarmClass) {
        return alarmClass != null && classes.contains(alarmClass.toLowerCase(Locale.ROOT));
    }

    /** True when an input, Host channel or IP device of this unit and class is shown to the profile. */
    public boolean sees(String unitId, String alarmClass) {
        return seesUnit(unitId) && hasClass(alarmClass);
    }

    /** True when the profile may use the simulation calls of the API. */
    public boolean isMaster() {
        return profile.level() == Level.MASTER;
    }
}
