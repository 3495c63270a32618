package org.parcours.account;

import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface PersonRepository extends ListCrudRepository<Person, Long> {

    /** {@code email} must already be normalised, see {@link Person#normaliseEmail(String)}. */
    Optional<Person> findByEmail(String email);

    boolean existsByRole(Role role);
}
