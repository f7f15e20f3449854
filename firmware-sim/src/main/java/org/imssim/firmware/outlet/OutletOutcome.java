package org.imssim.firmware.outlet;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.imssim.devices.powergate.Outlet;

/**
 * What became of an {@link OutletRequest}: refused as a whole before anything moved, or carried out
 * outlet by outlet. Every text is a fixed sentence of SPEC §7 or one in its style.
 */
public sealed interface OutletOutcome {

    /** The reply text: the refusal's sentence, or one line per outlet touched. */
    String text();

    /** Why a request was refused as a whole; nothing was stored or switched. */
    enum Reason {
        /** Unknown PowerGate, or one on a unit the profile may not see. */
        NO_SUCH_POWERGATE,
        /** The outlet is out of range. */
        NO_SUCH_OUTLET,
        /** The PowerGate's link is down, or its backend was not built. */
        NOT_ANSWERING,
        /** The commanded state could not be stored (a profile's request only). */
        NOT_STORED,
        /** The unit is stopping. */
        STOPPED
    }

    /** Refused as a whole. */
    record Refused(Reason reason, String sentence) implements OutletOutcome {

        /** SPEC §7: an unknown PowerGate and one the user may not use get the same sentence. */
        public static Refused noSuchPowerGate(int n) {
            return new Refused(Reason.NO_SUCH_POWERGATE, "There is no PowerGate " + n + " you may use.");
        }

        /** SPEC §7. */
        public static Refused noSuchOutlet(int n, int outlets) {
            return new Refused(Reason.NO_SUCH_OUTLET, "PowerGate " + n + " has outlets 1 to " + outlets + ".");
        }

        public static Refused notAnswering(int n) {
            return new Refused(Reason.NOT_ANSWERING, "PowerGate " + n + " is not answering; nothing was switched.");
        }

        public static Refused notStored() {
            return new Refused(Reason.NOT_STORED,
                    "The outlet's new state could not be stored, so nothing was switched; try again later.");
        }

        public static Refused stopped() {
            return new Refused(Reason.STOPPED, "The unit is shutting down; nothing was switched.");
        }

        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(sentence, "sentence");
        }

        @Override
        public String text() {
            return sentence;
        }
    }

    /** Carried out: what happened to each outlet, in order. */
    record Done(List<Result> outlets) implements OutletOutcome {

        public Done {
            outlets = List.copyOf(outlets);
        }

        @Override
        public String text() {
            return outlets.stream().map(Result::line).collect(Collectors.joining("\n"));
        }
    }

    /** What happened to one outlet. */
    enum Kind {
        /** Switched as asked. */
        SWITCHED,
        /** {@code cycle} on an outlet already cycling: left alone. */
        ALREADY_CYCLING,
        /** {@code cycle} on an outlet that is off: refused. */
        OFF_NOT_CYCLED,
        /** The PowerGate stopped answering before the relay moved. */
        NOT_ANSWERING
    }

    /**
     * One outlet after the request.
     *
     * @param powergate the PowerGate's number
     * @param outlet    the outlet as it is now
     * @param kind      what happened to it
     */
    record Result(int powergate, Outlet outlet, Kind kind) {

        public Result {
            Objects.requireNonNull(outlet, "outlet");
            Objects.requireNonNull(kind, "kind");
        }

        /** The reply line of SPEC §7. */
        public String line() {
            String name = "Outlet " + powergate + "/" + outlet.number() + " " + outlet.name();
            return switch (kind) {
                case SWITCHED -> name + ": " + outlet.state().name();
                case ALREADY_CYCLING -> name + " is already cycling.";
                case OFF_NOT_CYCLED -> "Outlet " + outlet.number() + " is off; send on.";
                case NOT_ANSWERING -> "PowerGate " + powergate + " is not answering; outlet " + outlet.number()
                        + " was not switched.";
            };
        }
    }
}
