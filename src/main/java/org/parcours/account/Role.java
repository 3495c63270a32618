package org.parcours.account;

/** What a person may do. Organisers edit cycles in the admin; participants register and take part. */
public enum Role {
    ORGANISER,
    PARTICIPANT;

    /** The Spring Security authority for this role, as checked by {@code hasRole(...)}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
