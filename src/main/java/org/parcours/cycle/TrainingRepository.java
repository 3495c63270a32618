package org.parcours.cycle;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface TrainingRepository extends ListCrudRepository<Training, Long> {

    Optional<Training> findBySlug(String slug);

    boolean existsBySlug(String slug);

    List<Training> findByStatusOrderByStartsOn(CycleStatus status);

    List<Training> findByCycleIdOrderByStartsOn(Long cycleId);
}
