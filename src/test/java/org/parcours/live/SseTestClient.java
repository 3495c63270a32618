package org.parcours.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** A real HTTP client of a live stream, parsing Server-Sent Events the way a browser does (comments skipped). */
public final class SseTestClient implements AutoCloseable {

    public record Event(@Nullable String id, String name, String data) {}

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final InputStream body;
    private final int status;
    private volatile @Nullable String lastEventId;

    private SseTestClient(HttpResponse<InputStream> response) {
        this.body = response.body();
        this.status = response.statusCode();
        Thread reader = new Thread(this::read, "sse-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    public static SseTestClient connect(HttpClient http, URI uri, @Nullable String lastEventId)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream")
                .GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return new SseTestClient(http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    public int status() {
        return status;
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String name = "message";
            List<String> data = new ArrayList<>();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        if (id != null) {
                            lastEventId = id;
                        }
                        events.add(new Event(id, name, String.join("\n", data)));
                    }
                    id = null;
                    name = "message";
                    data = new ArrayList<>();
                } else if (line.startsWith(":")) {
                    continue;
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.add(line.substring(6));
                }
            }
        } catch (IOException closed) {
            // the test closed the stream
        }
    }

    /** The next event; fails the test when none comes within a generous bound (not a timing check). */
    public Event next() throws InterruptedException {
        Event event = events.poll(20, TimeUnit.SECONDS);
        if (event == null) {
            throw new AssertionError("no live event arrived");
        }
        return event;
    }

    /** The next event with an id (skipping transient ones such as presence counts). */
    public Event nextNumbered() throws InterruptedException {
        Event event;
        do {
            event = next();
        } while (event.id() == null);
        return event;
    }

    @Nullable
    Event poll(Duration wait) throws InterruptedException {
        return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Nullable
    String lastEventId() {
        return lastEventId;
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
