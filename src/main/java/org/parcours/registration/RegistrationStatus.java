package org.parcours.registration;

/** A registration is active until its person or an organiser cancels it; cancelled rows are kept as history. */
public enum RegistrationStatus {
    ACTIVE,
    CANCELLED
}
