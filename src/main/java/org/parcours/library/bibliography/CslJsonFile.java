package org.parcours.library.bibliography;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** A CSL-JSON file: an array of {@link CslJson} items with export citation keys as ids, indented for reading. */
final class CslJsonFile {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private CslJsonFile() {}

    static String write(List<ReferenceData> references) {
        CitationKeys keys = new CitationKeys();
        List<Map<String, Object>> items = new ArrayList<>();
        for (ReferenceData r : references) {
            items.add(CslJson.item(keys.next(r), r));
        }
        return JSON.writeValueAsString(items) + "\n";
    }
}
