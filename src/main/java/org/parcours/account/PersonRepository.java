package org.parcours.account;

import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface PersonRepository extends ListCrudRepository<Person, Long> {

    /** {@code email} must already be normalised, see {@link Person#normaliseEmail(String)}. */
    Optional<Person> findByEmail(String email);

    /** Like {@link #findByEmail(String)}, but never an erased account. */
    @Query("select * from person where email = :email and erased_at is null")
    Optional<Person> findActiveByEmail(String email);

    @Query("select * from person where id = :id and erased_at is null")
    Optional<Person> findActiveById(long id);

    boolean existsByRole(Role role);
}
