package org.parcours.live.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.parcours.live.LiveSettings;

/**
 * {@code GET /live/stream/{sessionId}?lang=fr&after=N}: a room's Server-Sent Events. A plain async servlet rather
 * than a Spring MVC handler: thousands of streams stay open per node, each costs no thread, and frames are written
 * with non-blocking IO by {@link StreamWriters}. The first connection says which event its page already shows
 * ({@code after}); on reconnection the browser sends {@code Last-Event-ID} itself. Anything that is not a number
 * of this room (forged, too old, from the future) is answered with a reset rather than trusted.
 */
final class LiveStreamServlet extends HttpServlet {

    static final String PATH = "/live/stream/";

    private final transient LiveHubs hubs;
    private final transient LiveStreamAccess access;
    private final transient LiveSettings settings;

    LiveStreamServlet(LiveHubs hubs, LiveStreamAccess access, LiveSettings settings) {
        this.hubs = hubs;
        this.access = access;
        this.settings = settings;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Long sessionId = sessionId(request.getPathInfo());
        if (sessionId == null || !access.roomExists(sessionId)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Variant variant = Variant.of(request.getParameter("lang"), access.moderator());
        StreamClient.Presence presence = access.presence(sessionId, request);
        long after = after(request);

        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache, no-store");
        // nginx and similar proxies must not buffer the stream
        response.setHeader("X-Accel-Buffering", "no");

        AsyncContext async = request.startAsync();
        async.setTimeout(settings.streamLifetime().toMillis());
        ServletOutputStream out = response.getOutputStream();
        StreamClient client = new StreamClient(async, out, variant, presence, hubs.writers(), settings.clientBuffer());
        async.addListener(client);
        // non-blocking mode first: writer threads may start writing as soon as the client has a frame
        out.setWriteListener(client);
        client.send(SseFrames.retry(2_000));
        hubs.subscribe(hubs.hub(sessionId), client, after);
        access.joined(sessionId, client);
    }

    private static @Nullable Long sessionId(@Nullable String pathInfo) {
        if (pathInfo == null || !pathInfo.matches("/[0-9]{1,18}")) {
            return null;
        }
        return Long.parseLong(pathInfo.substring(1));
    }

    /** Last-Event-ID (reconnection) wins over {@code after} (first connection); -1 when absent or malformed. */
    static long after(HttpServletRequest request) {
        String value = request.getHeader("Last-Event-ID");
        if (value == null || value.isBlank()) {
            value = request.getParameter("after");
        }
        if (value == null || !value.strip().matches("[0-9]{1,18}")) {
            return -1;
        }
        return Long.parseLong(value.strip());
    }
}
