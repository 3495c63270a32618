package org.parcours.cycle;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A YAML value that remembers the line it starts on, so cycle file problems can name their line. Scalars keep
 * their text as written ({@code null} for an empty value or {@code ~}): the cycle file reader decides how to read
 * each field, so {@code 18:00}, {@code 2020-04-02} and {@code 60} are all just text here.
 */
sealed interface YamlNode {

    int line();

    record Scalar(@Nullable String text, int line) implements YamlNode {}

    /** Properties in file order. */
    record Mapping(Map<String, Property> properties, int line) implements YamlNode {}

    record Sequence(List<YamlNode> items, int line) implements YamlNode {}

    record Property(String key, int line, YamlNode value) {}
}
