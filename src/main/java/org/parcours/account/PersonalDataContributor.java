package org.parcours.account;

/**
 * Implemented by each feature that keeps data about a person, so "export my data" gathers all of it. The value is
 * serialised to JSON under {@link #section()}.
 */
public interface PersonalDataContributor {

    String section();

    Object export(long personId);
}
