package org.parcours.registration;

/** A registration that the rules do not allow; nothing was saved. {@link #messageKey()} explains why. */
public class RegistrationRefusedException extends RuntimeException {

    public enum Reason {
        /** The cycle is unknown or not published. */
        CYCLE_NOT_OPEN,
        /** Chosen sessions were asked for, but none was chosen. */
        NO_SESSION_CHOSEN,
        /** A chosen session is not one of the cycle's. */
        SESSION_UNKNOWN,
        /** A chosen session has started or is over. */
        SESSION_STARTED,
        /** The whole cycle was asked for, but none of its sessions is still to come. */
        NOTHING_UPCOMING
    }

    private final Reason reason;

    public RegistrationRefusedException(Reason reason) {
        super(reason.name());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The message key of the explanation shown to the visitor. */
    public String messageKey() {
        return "registration.refused." + reason.name();
    }
}
