package org.parcours.cycle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads YAML text into {@link YamlNode}s with line numbers, through Jackson's streaming YAML parser. Syntax errors,
 * duplicate keys, aliases and extra documents become problems instead of exceptions.
 */
final class YamlTree {

    private static final YAMLMapper MAPPER = YAMLMapper.builder().build();

    private final List<CycleFileProblem> problems;

    private YamlTree(List<CycleFileProblem> problems) {
        this.problems = problems;
    }

    /** The root node of the single document in {@code text}, or {@code null} when problems were added. */
    static @Nullable YamlNode parse(String text, List<CycleFileProblem> problems) {
        int before = problems.size();
        YamlTree tree = new YamlTree(problems);
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(CycleFileProblem.of(0, "", "empty"));
                return null;
            }
            YamlNode root = tree.read(parser, "");
            if (parser.nextToken() != null) {
                problems.add(CycleFileProblem.of(line(parser), "", "yaml.documents"));
            }
            return problems.size() == before ? root : null;
        } catch (JacksonException e) {
            problems.add(syntaxProblem(e));
            return null;
        }
    }

    private YamlNode read(JsonParser parser, String path) {
        int line = line(parser);
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            problems.add(CycleFileProblem.of(line, path, "yaml.alias"));
        }
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, YamlNode.Property> properties = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String key = parser.currentName();
                int keyLine = line(parser);
                parser.nextToken();
                YamlNode value = read(parser, path.isEmpty() ? key : path + "." + key);
                if (properties.containsKey(key)) {
                    problems.add(CycleFileProblem.of(
                            keyLine, path.isEmpty() ? key : path + "." + key, "yaml.duplicateKey", key));
                } else {
                    properties.put(key, new YamlNode.Property(key, keyLine, value));
                }
            }
            return new YamlNode.Mapping(properties, line);
        }
        if (token == JsonToken.START_ARRAY) {
            List<YamlNode> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(read(parser, path + "[" + items.size() + "]"));
            }
            return new YamlNode.Sequence(items, line);
        }
        return new YamlNode.Scalar(token == JsonToken.VALUE_NULL ? null : parser.getString(), line);
    }

    private static int line(JsonParser parser) {
        return Math.max(0, parser.currentTokenLocation().getLineNr());
    }

    /** SnakeYAML knows where the problem is and says what it is in a short phrase; keep both. */
    private static CycleFileProblem syntaxProblem(JacksonException e) {
        if (e.getCause() instanceof MarkedYamlEngineException marked) {
            int line = marked.getProblemMark()
                    .or(marked::getContextMark)
                    .map(mark -> mark.getLine() + 1)
                    .orElse(0);
            String what = marked.getProblem() == null ? "" : marked.getProblem();
            return CycleFileProblem.of(line, "", "yaml.syntax", what);
        }
        int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
        return CycleFileProblem.of(line, "", "yaml.syntax", e.getOriginalMessage());
    }
}
