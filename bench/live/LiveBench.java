import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Live room load generator (bench/live/run.sh starts the server(s) and calls this).
 *
 * <p>Opens CLIENTS Server-Sent Events streams (HTTP/1.1, chunked, parsed like a browser: ids, reconnection with
 * Last-Event-ID) with one NIO selector thread, then posts RATE questions and votes per second (half each) for
 * DURATION seconds through guest participants, exactly as the page's script does (CSRF header, X-Live-Fetch).
 * Every question carries its posting time; every vote's resulting count is remembered with its posting time, so
 * each received event gives a delivery latency (post request sent → event parsed by a client). At the end, each
 * client must have received every event id of the run exactly once.
 *
 * <p>Usage: java LiveBench.java BASE[,BASE2] LIVE_PATH CLIENTS RATE DURATION_SECONDS
 */
public class LiveBench {

    static final Pattern CSRF = Pattern.compile("data-csrf=\"([^\"]+)\"");
    static final Pattern STREAM = Pattern.compile("data-stream=\"(/live/stream/(\\d+)\\?lang=fr&(?:amp;)?after=(\\d+))\"");
    static final byte[] ID = "id: ".getBytes(StandardCharsets.US_ASCII);
    static final byte[] EVENT = "event: ".getBytes(StandardCharsets.US_ASCII);
    static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
    static final byte[] TOKEN = "bench-".getBytes(StandardCharsets.US_ASCII);
    static final byte[] QUESTION_ID = "id=\"q-".getBytes(StandardCharsets.US_ASCII);

    /** Send times of the votes on each question, in sending order: the k-th "votes" event of q has count k. */
    static final Map<Long, List<Long>> voteSendTimes = new ConcurrentHashMap<>();
    static final ConcurrentLinkedQueue<long[]> latencyChunks = new ConcurrentLinkedQueue<>();

    public static void main(String[] args) throws Exception {
        String[] bases = args[0].split(",");
        String livePath = args[1];
        int clients = Integer.parseInt(args[2]);
        int rate = Integer.parseInt(args[3]);
        int duration = Integer.parseInt(args[4]);

        // --- posters: guests who join and post, spread over the nodes
        int posterCount = Math.max(4, rate);
        List<Poster> posters = new ArrayList<>();
        for (int i = 0; i < posterCount; i++) {
            posters.add(new Poster(bases[i % bases.length], livePath, "Bench " + i));
        }
        Poster first = posters.getFirst();
        long sessionId = first.sessionId;
        long startSeq = first.lastSeq();
        System.out.printf("session %d, %d posters joined, event log at %d%n", sessionId, posterCount, startSeq);

        // --- stream clients
        Streams streams = new Streams(bases, sessionId, startSeq, clients);
        long connectStart = System.nanoTime();
        streams.start();
        while (streams.connected.get() < clients) {
            Thread.sleep(100);
            if (System.nanoTime() - connectStart > TimeUnit.SECONDS.toNanos(180)) {
                throw new IllegalStateException("only " + streams.connected.get() + " streams connected in 180 s");
            }
        }
        System.out.printf("%d streams connected in %.1f s%n", clients, (System.nanoTime() - connectStart) / 1e9);
        // BENCH_PAUSE: seconds between connecting and posting (run.sh's HISTO=1 takes a heap histogram meanwhile)
        Thread.sleep(1_000L * Integer.parseInt(System.getenv().getOrDefault("BENCH_PAUSE", "2")));

        // --- load: RATE posts per second, alternately a question and a vote
        ScheduledExecutorService ticker = Executors.newScheduledThreadPool(24);
        AtomicLong sent = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Long> questionIds = new ArrayList<>();
        Random random = new Random(42);
        long period = 1_000_000_000L / rate;
        long loadStart = System.nanoTime();
        long total = (long) rate * duration;
        AtomicLong index = new AtomicLong();
        // the ticker only hands each post to a worker: a periodic task never overlaps itself, so posting inline
        // would cap the rate at one post per response time
        java.util.concurrent.ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
        ticker.scheduleAtFixedRate(
                () -> {
                    long n = index.getAndIncrement();
                    if (n >= total) {
                        return;
                    }
                    workers.execute(() -> post(n, posters, questionIds, random, sessionId, streams, sent, failed));
                },
                0,
                period,
                TimeUnit.NANOSECONDS);
        while (index.get() < total) {
            Thread.sleep(200);
        }
        ticker.shutdown();
        workers.shutdown();
        workers.awaitTermination(60, TimeUnit.SECONDS);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        finish(posters, streams, first, startSeq, bases, clients, sent, failed, loadStart, loadSeconds);
    }

    static void post(
            long n,
            List<Poster> posters,
            List<Long> questionIds,
            Random random,
            long sessionId,
            Streams streams,
            AtomicLong sent,
            AtomicLong failed) {
                    Poster poster;
                    synchronized (random) {
                        poster = posters.get((int) (n % posters.size()));
                    }
                    try {
                        Long target = null;
                        if (n % 2 == 1) {
                            synchronized (questionIds) {
                                // a question this poster has not voted for yet, among the recent ones
                                List<Long> recent = new ArrayList<>(
                                        questionIds.subList(Math.max(0, questionIds.size() - 10), questionIds.size()));
                                recent.removeAll(poster.voted);
                                if (!recent.isEmpty()) {
                                    target = recent.get(Math.floorMod((int) n * 7919, recent.size()));
                                    poster.voted.add(target);
                                    voteSendTimes.computeIfAbsent(target, q -> new ArrayList<>());
                                }
                            }
                        }
                        if (target != null) {
                            List<Long> times = voteSendTimes.get(target);
                            HttpResponse<String> r;
                            synchronized (times) {
                                times.add(System.nanoTime());
                            }
                            r = poster.post("/live/" + sessionId + "/questions/" + target + "/vote", Map.of("on", "true"));
                            if (r.statusCode() == 200) {
                                sent.incrementAndGet();
                            } else {
                                failed.incrementAndGet();
                            }
                        } else {
                            long at = System.nanoTime();
                            HttpResponse<String> r = poster.post(
                                    "/live/" + sessionId + "/questions", Map.of("text", "Question bench-" + at + "- from " + poster.name));
                            if (r.statusCode() == 204) {
                                sent.incrementAndGet();
                                Long id = streams.questionIdOf(at);
                                if (id != null) {
                                    synchronized (questionIds) {
                                        questionIds.add(id);
                                    }
                                }
                            } else {
                                failed.incrementAndGet();
                                System.err.println("post answered " + r.statusCode() + ": " + r.body());
                            }
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
    }

    static void finish(
            List<Poster> posters,
            Streams streams,
            Poster first,
            long startSeq,
            String[] bases,
            int clients,
            AtomicLong sent,
            AtomicLong failed,
            long loadStart,
            double loadSeconds)
            throws Exception {
        long endSeq = first.lastSeq();
        long expected = endSeq - startSeq;
        // let the last events arrive
        long waitStart = System.nanoTime();
        while (streams.minimumReceived() < expected && System.nanoTime() - waitStart < TimeUnit.SECONDS.toNanos(30)) {
            Thread.sleep(100);
        }
        double deliverySeconds = (System.nanoTime() - loadStart) / 1e9;
        streams.stop();

        long delivered = streams.received();
        long lost = (long) clients * expected - delivered + streams.duplicates.get();
        long[] latencies = latencies();
        System.out.println();
        System.out.println("RESULT clients=" + clients + " nodes=" + bases.length);
        System.out.printf("RESULT posts sent=%d failed=%d in %.1f s (%.1f/s); events in the log: %d%n",
                sent.get(), failed.get(), loadSeconds, sent.get() / loadSeconds, expected);
        System.out.printf("RESULT events delivered=%d (expected %d), lost=%d, duplicates=%d, resets=%d, reconnects=%d, gaps=%d%n",
                delivered, (long) clients * expected, Math.max(0, lost), streams.duplicates.get(), streams.resets.get(),
                streams.reconnects.get(), streams.gaps.get());
        System.out.printf("RESULT delivered/s=%.0f over %.1f s%n", delivered / deliverySeconds, deliverySeconds);
        if (latencies.length > 0) {
            System.out.printf("RESULT latency ms (n=%d): p50=%.1f p90=%.1f p99=%.1f p99.9=%.1f max=%.1f%n",
                    latencies.length, pct(latencies, 50), pct(latencies, 90), pct(latencies, 99), pct(latencies, 99.9),
                    latencies[latencies.length - 1] / 1e6);
        }
        System.exit(lost == 0 && streams.resets.get() == 0 ? 0 : 1);
    }

    static double pct(long[] sorted, double p) {
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    static long[] latencies() {
        int n = 0;
        for (long[] chunk : latencyChunks) {
            n += (int) chunk[0];
        }
        long[] all = new long[n];
        int at = 0;
        for (long[] chunk : latencyChunks) {
            System.arraycopy(chunk, 1, all, at, (int) chunk[0]);
            at += (int) chunk[0];
        }
        Arrays.sort(all);
        return all;
    }

    /** A guest who joined the room, with their cookies and CSRF token. */
    static final class Poster {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        final java.util.Set<Long> voted = ConcurrentHashMap.newKeySet();
        final String base;
        final String livePath;
        final String name;
        String csrf;
        long sessionId;

        Poster(String base, String livePath, String name) throws Exception {
            this.base = base;
            this.livePath = livePath;
            this.name = name;
            lastSeq();
            HttpResponse<String> joined = post("/live/" + sessionId + "/join", Map.of("nickname", name));
            if (joined.statusCode() != 204) {
                throw new IllegalStateException("join answered " + joined.statusCode() + " " + joined.body()
                        + " (the room must be open and accept guests)");
            }
        }

        long lastSeq() throws Exception {
            String page = http.send(HttpRequest.newBuilder(URI.create(base + livePath)).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher token = CSRF.matcher(page);
            Matcher stream = STREAM.matcher(page);
            if (!token.find() || !stream.find()) {
                throw new IllegalStateException("not a live page: " + base + livePath);
            }
            csrf = token.group(1);
            sessionId = Long.parseLong(stream.group(2));
            return Long.parseLong(stream.group(3));
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            StringBuilder body = new StringBuilder();
            form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return http.send(HttpRequest.newBuilder(URI.create(base + path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("X-CSRF-TOKEN", csrf)
                            .header("X-Live-Fetch", "1")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    /** All stream clients on one selector thread. */
    static final class Streams implements Runnable {
        final String[] bases;
        final long sessionId;
        final long startSeq;
        final int count;
        final List<Conn> conns = new ArrayList<>();
        final AtomicInteger connected = new AtomicInteger();
        final AtomicLong duplicates = new AtomicLong();
        final AtomicLong resets = new AtomicLong();
        final AtomicLong reconnects = new AtomicLong();
        final AtomicLong gaps = new AtomicLong();
        final Map<Long, Long> questionByPostTime = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<Conn> toConnect = new ConcurrentLinkedQueue<>();
        Selector selector;
        volatile boolean running = true;
        Thread thread;
        final ByteBuffer read = ByteBuffer.allocate(256 * 1024);
        long[] latencyChunk = new long[1 + 65536];

        Streams(String[] bases, long sessionId, long startSeq, int count) {
            this.bases = bases;
            this.sessionId = sessionId;
            this.startSeq = startSeq;
            this.count = count;
        }

        void start() throws IOException {
            selector = Selector.open();
            for (int i = 0; i < count; i++) {
                Conn conn = new Conn(URI.create(bases[i % bases.length]), "/live/stream/" + sessionId + "?lang=fr", startSeq);
                conns.add(conn);
                toConnect.add(conn);
            }
            thread = new Thread(this, "streams");
            thread.start();
        }

        Long questionIdOf(long postedAt) throws InterruptedException {
            for (int i = 0; i < 200; i++) {
                Long id = questionByPostTime.get(postedAt);
                if (id != null) {
                    return id;
                }
                Thread.sleep(10);
            }
            return null;
        }

        long received() {
            long n = 0;
            for (Conn c : conns) {
                n += c.received;
            }
            return n;
        }

        long minimumReceived() {
            long min = Long.MAX_VALUE;
            for (Conn c : conns) {
                min = Math.min(min, c.received);
            }
            return min;
        }

        void stop() throws InterruptedException {
            running = false;
            selector.wakeup();
            thread.join();
            flushLatencies();
        }

        void flushLatencies() {
            if (latencyChunk[0] > 0) {
                latencyChunks.add(latencyChunk);
                latencyChunk = new long[1 + 65536];
            }
        }

        void latency(long nanos) {
            if (latencyChunk[0] == 65536) {
                flushLatencies();
            }
            latencyChunk[(int) ++latencyChunk[0]] = nanos;
        }

        @Override
        public void run() {
            int pending = 0;
            try {
                while (running) {
                    // at most 200 connections being set up at once: the server's accept backlog is small
                    while (pending < 200 && !toConnect.isEmpty()) {
                        Conn conn = toConnect.poll();
                        conn.open(selector);
                        pending++;
                    }
                    selector.select(50);
                    Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                    while (keys.hasNext()) {
                        SelectionKey key = keys.next();
                        keys.remove();
                        Conn conn = (Conn) key.attachment();
                        try {
                            if (key.isConnectable()) {
                                conn.channel.finishConnect();
                                conn.channel.write(ByteBuffer.wrap(conn.request()));
                                key.interestOps(SelectionKey.OP_READ);
                            } else if (key.isReadable()) {
                                read.clear();
                                int n = conn.channel.read(read);
                                if (n < 0) {
                                    throw new IOException("closed by server");
                                }
                                read.flip();
                                boolean wasOpen = conn.headersDone;
                                conn.feed(read, this);
                                if (!wasOpen && conn.headersDone) {
                                    pending--;
                                    if (!conn.everConnected) {
                                        conn.everConnected = true;
                                        connected.incrementAndGet();
                                    }
                                }
                            }
                        } catch (IOException e) {
                            key.cancel();
                            conn.close();
                            if (!conn.headersDone) {
                                pending--;
                            }
                            if (running) {
                                reconnects.incrementAndGet();
                                conn.reset();
                                toConnect.add(conn);
                            }
                        }
                    }
                }
                for (Conn conn : conns) {
                    conn.close();
                }
            } catch (IOException e) {
                e.printStackTrace();
            }
        }
    }

    /** One stream: HTTP/1.1 response headers, then chunked transfer coding, then SSE lines. */
    static final class Conn {
        final URI base;
        SocketChannel channel;
        long lastId;
        long received;
        boolean everConnected;
        boolean headersDone;
        final ByteArrayOutputStream head = new ByteArrayOutputStream();
        int chunkLeft = -1; // -1: reading a size line; -2: reading the CRLF after a chunk
        final StringBuilder sizeLine = new StringBuilder();
        final byte[] line = new byte[64 * 1024];
        int lineLength;
        long eventId = -1;
        byte eventKind; // 'u'psert, 'v'otes, 'r'eset, other
        long eventLatency = -1;
        long eventQuestion = -1;
        long eventQuestionPostedAt = -1;

        final String path;
        boolean reconnected;

        Conn(URI base, String path, long startSeq) {
            this.base = base;
            this.path = path;
            this.lastId = startSeq;
        }

        void open(Selector selector) throws IOException {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.connect(new InetSocketAddress(base.getHost(), base.getPort()));
            channel.register(selector, SelectionKey.OP_CONNECT, this);
        }

        byte[] request() {
            return ("GET " + path + "&after=" + lastId + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                            + "\r\nAccept: text/event-stream\r\n"
                            + (reconnected ? "Last-Event-ID: " + lastId + "\r\n" : "") + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
        }

        void close() {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
            }
        }

        void reset() {
            reconnected = true;
            headersDone = false;
            head.reset();
            chunkLeft = -1;
            sizeLine.setLength(0);
            lineLength = 0;
            eventId = -1;
        }

        /** Handles what was read: bulk work per chunk and per line, so the one client thread keeps up. */
        void feed(ByteBuffer buffer, Streams streams) throws IOException {
            byte[] bytes = buffer.array();
            int at = buffer.position();
            int end = buffer.limit();
            while (at < end) {
                if (!headersDone) {
                    byte b = bytes[at++];
                    head.write(b);
                    int n = head.size();
                    if (b == '\n' && n >= 4) {
                        byte[] h = head.toByteArray();
                        if (h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r') {
                            String headers = new String(h, StandardCharsets.US_ASCII);
                            if (!headers.startsWith("HTTP/1.1 200")) {
                                throw new IOException("stream answered " + headers.lines().findFirst().orElse(""));
                            }
                            headersDone = true;
                        }
                    }
                    continue;
                }
                if (chunkLeft == -1) {
                    byte b = bytes[at++];
                    if (b == '\n') {
                        String size = sizeLine.toString().trim();
                        sizeLine.setLength(0);
                        int semicolon = size.indexOf(';');
                        chunkLeft = Integer.parseInt(semicolon < 0 ? size : size.substring(0, semicolon), 16);
                        if (chunkLeft == 0) {
                            throw new IOException("stream ended");
                        }
                    } else if (b != '\r') {
                        sizeLine.append((char) b);
                    }
                    continue;
                }
                if (chunkLeft == -2) {
                    if (bytes[at++] == '\n') {
                        chunkLeft = -1;
                    }
                    continue;
                }
                int stop = Math.min(end, at + chunkLeft);
                chunkLeft -= stop - at;
                while (at < stop) {
                    int newline = at;
                    while (newline < stop && bytes[newline] != '\n') {
                        newline++;
                    }
                    int length = Math.min(newline - at, line.length - lineLength);
                    System.arraycopy(bytes, at, line, lineLength, length);
                    lineLength += length;
                    if (newline < stop) {
                        endOfLine(streams);
                        at = newline + 1;
                    } else {
                        at = stop;
                    }
                }
                if (chunkLeft == 0) {
                    chunkLeft = -2;
                }
            }
        }

        private void endOfLine(Streams streams) {
            sse((byte) '\n', streams);
        }

        private void sse(byte b, Streams streams) {
            if (b != '\n') {
                if (lineLength < line.length) {
                    line[lineLength++] = b;
                }
                return;
            }
            if (lineLength == 0) {
                dispatch(streams);
            } else if (startsWith(ID)) {
                eventId = Long.parseLong(new String(line, ID.length, lineLength - ID.length, StandardCharsets.US_ASCII));
            } else if (startsWith(EVENT)) {
                eventKind = line[EVENT.length];
            } else if (startsWith(DATA)) {
                if (eventKind == 'v') {
                    String[] data = new String(line, DATA.length, lineLength - DATA.length, StandardCharsets.US_ASCII)
                            .substring(2)
                            .split(" ");
                    List<Long> times = voteSendTimes.get(Long.parseLong(data[0]));
                    int k = Integer.parseInt(data[1]);
                    if (times != null) {
                        synchronized (times) {
                            if (k >= 1 && k <= times.size()) {
                                eventLatency = System.nanoTime() - times.get(k - 1);
                            }
                        }
                    }
                } else if (eventKind == 'u') {
                    int token = lineLength > 40 && line[DATA.length + 1] == 'p' ? indexOf(TOKEN) : -1;
                    if (token >= 0) {
                        long at = 0;
                        int i = token + TOKEN.length;
                        while (i < lineLength && line[i] >= '0' && line[i] <= '9') {
                            at = at * 10 + (line[i++] - '0');
                        }
                        eventLatency = System.nanoTime() - at;
                        eventQuestionPostedAt = at;
                    }
                    int q = lineLength > 20 && line[DATA.length + 1] == 'l' ? indexOf(QUESTION_ID) : -1;
                    if (q >= 0) {
                        long id = 0;
                        int i = q + 6;
                        while (i < lineLength && line[i] >= '0' && line[i] <= '9') {
                            id = id * 10 + (line[i++] - '0');
                        }
                        eventQuestion = id;
                    }
                }
            }
            lineLength = 0;
        }

        private void dispatch(Streams streams) {
            if (eventKind == 'r') {
                streams.resets.incrementAndGet();
            }
            if (eventId >= 0 && eventKind != 'r') {
                if (eventId <= lastId) {
                    streams.duplicates.incrementAndGet();
                } else {
                    if (eventId != lastId + 1) {
                        streams.gaps.incrementAndGet();
                    }
                    lastId = eventId;
                    received++;
                    if (eventLatency >= 0) {
                        streams.latency(eventLatency);
                    }
                    if (eventQuestion >= 0 && eventQuestionPostedAt >= 0) {
                        streams.questionByPostTime.putIfAbsent(eventQuestionPostedAt, eventQuestion);
                    }
                }
            }
            eventId = -1;
            eventKind = 0;
            eventLatency = -1;
            eventQuestion = -1;
            eventQuestionPostedAt = -1;
        }

        private boolean startsWith(byte[] prefix) {
            if (lineLength < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (line[i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }

        private int indexOf(byte[] needle) {
            outer:
            for (int i = 0; i + needle.length <= lineLength; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (line[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
