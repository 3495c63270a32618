package org.parcours.live.web;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Server-Sent Events wire format, encoded once per broadcast and shared by every subscriber's buffer. */
final class SseFrames {

    /** A comment line: keeps proxies from closing an idle stream. */
    static final byte[] HEARTBEAT = ":\n\n".getBytes(StandardCharsets.UTF_8);

    private SseFrames() {}

    /** The first bytes of a stream: how long the browser waits before reconnecting. */
    static byte[] retry(long millis) {
        return ("retry: " + millis + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** An event; {@code id} is omitted when null (transient messages leave the browser's last event id alone). */
    static byte[] event(@Nullable Long id, String name, String data) {
        StringBuilder frame = new StringBuilder(data.length() + 64);
        if (id != null) {
            frame.append("id: ").append(id).append('\n');
        }
        frame.append("event: ").append(name).append('\n');
        // Each line of data is its own field; the browser joins them with '\n'. A lone '\r' would also end a line.
        for (String line : data.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            frame.append("data: ").append(line).append('\n');
        }
        frame.append('\n');
        return frame.toString().getBytes(StandardCharsets.UTF_8);
    }
}
