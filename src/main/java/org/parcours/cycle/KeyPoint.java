package org.parcours.cycle;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A key point of a session, recapped at the start of the later sessions of the cycle. */
@Table("key_point")
public record KeyPoint(@Id @Nullable Long id, String text) {

    public static KeyPoint of(String text) {
        return new KeyPoint(null, text);
    }
}
