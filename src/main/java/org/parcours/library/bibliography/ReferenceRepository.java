package org.parcours.library.bibliography;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

interface ReferenceRepository extends ListCrudRepository<Reference, Long> {

    List<Reference> findByCycleIdAndSessionIdOrderByPosition(long cycleId, long sessionId);

    List<Reference> findByCycleIdAndSessionIdIsNullOrderByPosition(long cycleId);

    List<Reference> findByCycleId(long cycleId);

    List<Reference> findBySessionIdOrderByPosition(long sessionId);
}
