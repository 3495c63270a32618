package org.parcours.live;

import tools.jackson.databind.json.JsonMapper;

/** JSON for event payloads: what the log stores and the bus carries, read back into the view records. */
public final class LiveJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private LiveJson() {}

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    public static <T> T read(String json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }
}
