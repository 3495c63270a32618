package org.parcours.cycle;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface SessionRepository extends ListCrudRepository<Session, Long> {

    List<Session> findByCycleIdOrderByPosition(Long cycleId);

    Optional<Session> findByCycleIdAndSlug(Long cycleId, String slug);

    List<Session> findByStartsAtGreaterThanAndStartsAtLessThanEqualOrderByStartsAt(
            OffsetDateTime after, OffsetDateTime until);
}
