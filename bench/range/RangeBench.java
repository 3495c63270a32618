import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parcours.ParcoursApplication;
import org.parcours.cycle.CycleFiles;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.ImportResult;
import org.parcours.media.MediaService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Range benchmark (run by bench/range/run.sh): starts Parcours in this JVM, uploads the served file and a large one
 * through the organiser's upload form over HTTP (throughput, heap), then runs wrk against nginx and Parcours on the
 * same file, random 1 MiB ranges then whole-file GETs, and prints a Markdown table.
 */
public class RangeBench {

    static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    public static void main(String[] args) throws Exception {
        int nginxPort = Integer.parseInt(args[0]);
        Path served = Path.of(args[1]);
        Path upload = Path.of(args[2]);
        Path data = Path.of(args[3]);
        String lua = args[4];
        String duration = System.getenv().getOrDefault("DURATION", "15s");
        String connections = System.getenv().getOrDefault("CONNECTIONS", "8");

        Thread.currentThread().setContextClassLoader(ParcoursApplication.class.getClassLoader());
        ConfigurableApplicationContext app = new SpringApplicationBuilder(ParcoursApplication.class)
                .run(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("db").toAbsolutePath()
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                        "--parcours.media.directory=" + data.resolve("files").toAbsolutePath(),
                        "--parcours.demo.enabled=false",
                        "--server.servlet.session.cookie.secure=false",
                        "--logging.level.root=warn");
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        try {
            run(app, port, nginxPort, served, upload, lua, duration, connections);
        } finally {
            app.close();
        }
    }

    static void run(
            ConfigurableApplicationContext app,
            int port,
            int nginxPort,
            Path served,
            Path upload,
            String lua,
            String duration,
            String connections)
            throws Exception {
        ImportResult imported = app.getBean(CycleFiles.class).importFile("""
                format: parcours-cycle/1
                slug: bench-range
                title: Bench
                summary: Range benchmark.
                description: Range benchmark.
                language: fr
                status: published
                timeZone: Europe/Paris
                sessions:
                  - slug: served
                    title: Served
                    start: 2020-04-02T18:00
                    durationMinutes: 60
                    summary: s
                    description: d
                    seatCap: 100
                  - slug: upload
                    title: Upload
                    start: 2020-04-09T18:00
                    durationMinutes: 60
                    summary: s
                    description: d
                    seatCap: 100
                """);
        if (!(imported instanceof ImportResult.Imported(var cycle))) {
            throw new IllegalStateException("cycle not imported: " + imported);
        }
        CycleService cycles = app.getBean(CycleService.class);
        long servedSession = cycles.session(cycle.id(), "served").orElseThrow().id();
        long uploadSession = cycles.session(cycle.id(), "upload").orElseThrow().id();

        HttpClient http = signIn(app, port);
        System.out.println();
        System.out.println("| upload through the form | size | time | throughput | heap used after GC before → after | max heap used |");
        System.out.println("|---|---|---|---|---|---|");
        upload(http, port, servedSession, served);
        if (Files.exists(upload)) {
            upload(http, port, uploadSession, upload);
        }

        String key = app.getBean(MediaService.class).sessionMedia(servedSession).video().key();
        long size = Files.size(served);
        String nginx = "http://127.0.0.1:" + nginxPort + "/" + served.getFileName();
        String parcours = "http://127.0.0.1:" + port + "/media/" + key;
        check(http, nginx, size);
        check(http, parcours, size);

        // JIT warm-up, not measured
        wrk(parcours, lua, size, "5s", connections);
        wrk(parcours, null, size, "3s", "2");
        int rounds = Integer.parseInt(System.getenv().getOrDefault("ROUNDS", "3"));
        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "Served file: %d MB; wrk %s per run, 2 threads; nginx and Parcours alternate, %d rounds, medians shown;"
                        + " same machine (%d cores), load average at start %s.%n%n",
                size / 1_000_000,
                duration,
                rounds,
                Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        System.out.println("| scenario | connections | server | requests/s | MB/s | errors | Parcours/nginx (each round) | Parcours heap after GC before → after, max used |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (String scenario : List.of("random 1 MiB ranges", "whole-file GET")) {
            boolean ranges = scenario.startsWith("random");
            String conns = ranges ? connections : String.valueOf(Math.max(2, Integer.parseInt(connections) / 2));
            List<Wrk> n = new ArrayList<>();
            List<Wrk> p = new ArrayList<>();
            long before = usedAfterGc();
            long max = 0;
            for (int round = 0; round < rounds; round++) {
                n.add(wrk(nginx, ranges ? lua : null, size, duration, conns));
                HeapWatch watch = HeapWatch.start();
                p.add(wrk(parcours, ranges ? lua : null, size, duration, conns));
                max = Math.max(max, watch.stop());
            }
            long after = usedAfterGc();
            StringBuilder ratios = new StringBuilder();
            for (int i = 0; i < rounds; i++) {
                ratios.append(i == 0 ? "" : ", ").append(Math.round(100 * p.get(i).mbps / n.get(i).mbps)).append(" %");
            }
            Wrk nm = median(n);
            Wrk pm = median(p);
            System.out.printf(
                    Locale.ROOT, "| %s | %s | nginx | %.0f | %.0f | %s | | |%n", scenario, conns, nm.rps, nm.mbps, nm.errors);
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %s | Parcours | %.0f | %.0f | %s | **%.0f %%** (%s) | %d → %d MB, %d MB |%n",
                    scenario,
                    conns,
                    pm.rps,
                    pm.mbps,
                    pm.errors,
                    100 * pm.mbps / nm.mbps,
                    ratios,
                    before >> 20,
                    after >> 20,
                    max >> 20);
        }
        System.out.printf(Locale.ROOT, "%nMax heap (-Xmx): %d MB.%n", MEMORY.getHeapMemoryUsage().getMax() >> 20);
    }

    /** An organiser account created for the run, signed in through the login form. */
    static HttpClient signIn(ConfigurableApplicationContext app, int port) throws Exception {
        String email = "bench@example.org";
        String password = "bench password for the range run";
        app.getBean(JdbcClient.class)
                .sql("insert into person (email, display_name, password_hash, role, locale, created_at)"
                        + " values (:e, 'Bench', :p, 'ORGANISER', 'fr', :now)")
                .param("e", email)
                .param("p", app.getBean(PasswordEncoder.class).encode(password))
                .param("now", OffsetDateTime.now())
                .update();
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String login = get(http, "http://127.0.0.1:" + port + "/login");
        String csrf = find(login, "name=\"_csrf\" value=\"([^\"]+)\"");
        HttpResponse<String> signedIn = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("email=" + enc(email) + "&password=" + enc(password)
                                + "&_csrf=" + enc(csrf)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 302 || !signedIn.headers().firstValue("Location").orElse("").endsWith("/admin")) {
            throw new IllegalStateException("sign-in failed: " + signedIn.statusCode());
        }
        return http;
    }

    static void upload(HttpClient http, int port, long sessionId, Path file) throws Exception {
        String page = get(http, "http://127.0.0.1:" + port + "/admin/sessions/" + sessionId + "/media");
        String action = find(page, "action=\"(/admin/sessions/\\d+/media/video\\?[^\"]+)\"").replace("&amp;", "&");
        String boundary = "----bench" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + file.getFileName() + "\"\r\nContent-Type: video/mp4\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        long before = usedAfterGc();
        HeapWatch watch = HeapWatch.start();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + action))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.concat(
                                HttpRequest.BodyPublishers.ofByteArray(head),
                                HttpRequest.BodyPublishers.ofFile(file),
                                HttpRequest.BodyPublishers.ofByteArray(tail)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - start) / 1e9;
        long max = watch.stop();
        long after = usedAfterGc();
        if (response.statusCode() != 302) {
            throw new IllegalStateException("upload refused: " + response.statusCode() + " " + response.body());
        }
        long size = Files.size(file);
        System.out.printf(
                Locale.ROOT,
                "| %s | %d MB | %.1f s | %.0f MB/s | %d → %d MB | %d MB |%n",
                file.getFileName(),
                size / 1_000_000,
                seconds,
                size / 1e6 / seconds,
                before >> 20,
                after >> 20,
                max >> 20);
    }

    /** Both servers answer the same bytes count for the whole file and a range, before measuring. */
    static void check(HttpClient http, String url, long size) throws Exception {
        HttpResponse<Void> whole = http.send(
                HttpRequest.newBuilder(URI.create(url)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        HttpResponse<byte[]> range = http.send(
                HttpRequest.newBuilder(URI.create(url)).header("Range", "bytes=1000-1999").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (whole.statusCode() != 200
                || !whole.headers().firstValue("Content-Length").orElse("").equals(String.valueOf(size))
                || range.statusCode() != 206
                || range.body().length != 1000) {
            throw new IllegalStateException("unexpected answer from " + url);
        }
    }

    record Wrk(double rps, double mbps, String errors) {}

    static Wrk median(List<Wrk> runs) {
        List<Wrk> sorted = runs.stream().sorted(java.util.Comparator.comparingDouble(Wrk::mbps)).toList();
        Wrk m = sorted.get(sorted.size() / 2);
        String errors = runs.stream().map(Wrk::errors).filter(e -> !e.equals("0")).findFirst().orElse("0");
        return new Wrk(m.rps, m.mbps, errors);
    }

    static Wrk wrk(String url, String lua, long size, String duration, String connections) throws Exception {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + duration, "--timeout", "30s", "--latency"));
        if (lua != null) {
            command.addAll(List.of("-s", lua));
        }
        command.add(url);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("RANGE_FILE_SIZE", String.valueOf(size));
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        double rps = Double.parseDouble(find(out, "Requests/sec:\\s+([0-9.]+)"));
        Matcher transfer = Pattern.compile("Transfer/sec:\\s+([0-9.]+)([KMG]?B)").matcher(out);
        if (!transfer.find()) {
            throw new IllegalStateException(out);
        }
        double value = Double.parseDouble(transfer.group(1));
        double mbps = switch (transfer.group(2)) {
            case "GB" -> value * 1024 * 1.048576;
            case "MB" -> value * 1.048576;
            case "KB" -> value / 1024 * 1.048576;
            default -> value / 1e6;
        };
        Matcher errors = Pattern.compile("(Non-2xx or 3xx responses: \\d+|Socket errors: [^\\n]+)").matcher(out);
        StringBuilder problems = new StringBuilder();
        while (errors.find()) {
            problems.append(problems.isEmpty() ? "" : "; ").append(errors.group(1));
        }
        return new Wrk(rps, mbps, problems.isEmpty() ? "0" : problems.toString());
    }

    static long usedAfterGc() {
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    /** The largest heap use seen while a phase runs (sampled every 20 ms). */
    static final class HeapWatch {
        private final AtomicLong max = new AtomicLong();
        private volatile boolean running = true;
        private final Thread thread;

        private HeapWatch() {
            thread = Thread.ofPlatform().daemon().start(() -> {
                while (running) {
                    max.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        static HeapWatch start() {
            return new HeapWatch();
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return max.get();
        }
    }

    static String get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("not found: " + regex);
        }
        return m.group(1);
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
