package org.parcours.cycle;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface CycleRepository extends ListCrudRepository<Cycle, Long> {

    Optional<Cycle> findBySlug(String slug);

    List<Cycle> findByStatus(CycleStatus status);

    boolean existsBySlug(String slug);
}
