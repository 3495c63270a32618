import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.parcours.ParcoursApplication;
import org.parcours.mail.MailService;
import org.parcours.mail.OutgoingMail;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail queue benchmark (run by bench/mail/run.sh): starts Parcours with an SMTP sink, queues COUNT messages in
 * one transaction (like a mailing-list post), then measures how fast the background worker delivers them, and
 * counts what the sink received over IMAP.
 */
public class MailBench {

    public static void main(String[] args) throws Exception {
        int smtpPort = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        String sink = args[2]; // "tiny" (bench/mail/SmtpSink.java) or "greenmail"
        int imapPort = args.length > 3 ? Integer.parseInt(args[3]) : -1;
        int recipients = 100;
        String dbUrl = System.getenv().getOrDefault("BENCH_DB_URL", "");
        Path dataDir = Files.createTempDirectory("parcours-mail-bench");
        if (dbUrl.isEmpty()) {
            dbUrl = "jdbc:h2:file:" + dataDir.resolve("db")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        }
        String category = "bench." + System.currentTimeMillis();

        // This file is compiled by the java launcher into its own class loader; Spring must use the application's.
        Thread.currentThread().setContextClassLoader(ParcoursApplication.class.getClassLoader());
        // Command-line arguments, so they win over application.properties (as on a real command line).
        List<String> appArgs = new ArrayList<>(List.of(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--spring.datasource.url=" + dbUrl,
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + smtpPort,
                        "--parcours.demo.enabled=false",
                        "--logging.level.root=warn",
                        "--logging.level.org.parcours=info",
                        "--logging.level.org.springframework.context.support.ResourceBundleMessageSource=error"));
        // Extra settings to try, e.g. BENCH_ARGS="--parcours.mail.worker.senders=4"
        for (String extra : System.getenv().getOrDefault("BENCH_ARGS", "").split("\\s+")) {
            if (!extra.isBlank()) {
                appArgs.add(extra);
            }
        }
        ConfigurableApplicationContext app =
                new SpringApplicationBuilder(ParcoursApplication.class).run(appArgs.toArray(String[]::new));
        try {
            MailService mail = app.getBean(MailService.class);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            TransactionTemplate tx = app.getBean(TransactionTemplate.class);

            // Warm-up outside the measurement: template rendering and one delivery.
            mail.queue(message(0, "bench.warmup", 1).build());
            waitFor(jdbc, "bench.warmup", 1, 60_000);

            double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            long queueStart = System.nanoTime();
            tx.executeWithoutResult(status -> {
                for (int i = 0; i < count; i++) {
                    mail.queue(message(i, category, recipients).build());
                }
            });
            long committed = System.nanoTime();

            AtomicLong peakHeap = new AtomicLong();
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peakHeap.accumulateAndGet(
                            ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            long gcBefore = gcCount();
            long cpuBefore = processCpuNanos();
            waitFor(jdbc, category, count, 600_000);
            long delivered = System.nanoTime();
            double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
            sampler.interrupt();

            long failed = jdbc.sql("select count(*) from mail_message where category = :c and status <> 'SENT'")
                    .param("c", category)
                    .query(Long.class)
                    .single();
            long[] atSink = sink.equals("greenmail")
                    ? new long[] {countAtGreenMail(imapPort, recipients), -1}
                    : statTinySink(smtpPort);
            double queueSeconds = (committed - queueStart) / 1e9;
            double deliverSeconds = (delivered - committed) / 1e9;
            Runtime rt = Runtime.getRuntime();
            System.out.printf(Locale.ROOT, "messages:            %d (to %d recipients, test-message template)%n",
                    count, recipients);
            System.out.printf(Locale.ROOT, "database:            %s%n", dbUrl.replaceAll(";.*", ""));
            System.out.printf(Locale.ROOT, "queued (render+store, one transaction): %.2f s = %.0f msg/s%n",
                    queueSeconds, count / queueSeconds);
            System.out.printf(Locale.ROOT, "delivered by worker: %.2f s = %.0f msg/s%n",
                    deliverSeconds, count / deliverSeconds);
            System.out.printf(
                    Locale.ROOT,
                    "Parcours CPU during delivery: %.2f s = %.0f msg per CPU-second (load average before: %.1f)%n",
                    cpuSeconds,
                    count / cpuSeconds,
                    loadBefore);
            System.out.printf(Locale.ROOT, "sink:                %s%n", sink);
            System.out.printf(
                    Locale.ROOT,
                    "not SENT in database: %d; received by the sink: %d (+1 warm-up)%s%n",
                    failed,
                    atSink[0] - 1,
                    atSink[1] < 0 ? "" : ", distinct Message-IDs: " + (atSink[1] - 1));
            System.out.printf(Locale.ROOT, "heap: peak used during delivery %d MB, max %d MB, GCs during delivery %d%n",
                    peakHeap.get() >> 20, rt.maxMemory() >> 20, gcCount() - gcBefore);
            if (failed != 0 || atSink[0] - 1 != count || (atSink[1] >= 0 && atSink[1] != atSink[0])) {
                System.out.println("RESULT: FAILED (messages lost or duplicated)");
                System.exit(1);
            }
        } finally {
            app.close();
        }
    }

    static OutgoingMail.Builder message(int i, String category, int recipients) {
        return OutgoingMail.to("subscriber" + (i % recipients) + "@bench.test", "Abonné·e " + i)
                .locale(i % 2 == 0 ? Locale.FRENCH : Locale.ENGLISH)
                .template("mail/test-message")
                .subject("mail.test.subject")
                .model("requestedBy", "bench")
                .header("List-Unsubscribe", "<https://parcours.test/unsubscribe/" + i + ">")
                .category(category);
    }

    static void waitFor(JdbcClient jdbc, String category, int count, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (jdbc.sql("select count(*) from mail_message where category = :c and status in ('SENT', 'FAILED')")
                        .param("c", category)
                        .query(Long.class)
                        .single()
                < count) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("not delivered within " + timeoutMillis + " ms");
            }
            Thread.sleep(10);
        }
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .sum();
    }

    /** The tiny sink answers STAT with its message count and the number of distinct Message-IDs. */
    static long[] statTinySink(int port) throws Exception {
        try (var socket = new java.net.Socket("127.0.0.1", port);
                var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream()));
                var out = socket.getOutputStream()) {
            in.readLine(); // greeting
            out.write("STAT\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            String[] parts = in.readLine().split(" ");
            out.write("QUIT\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])};
        }
    }

    /** GreenMail runs with authentication disabled: any password opens a mailbox. */
    static long countAtGreenMail(int imapPort, int recipients) throws Exception {
        Properties props = new Properties();
        props.setProperty("mail.imap.host", "127.0.0.1");
        props.setProperty("mail.imap.port", String.valueOf(imapPort));
        Session session = Session.getInstance(props);
        long total = 0;
        for (int r = 0; r < recipients; r++) {
            try (Store store = session.getStore("imap")) {
                store.connect("subscriber" + r + "@bench.test", "x");
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                total += inbox.getMessageCount();
                inbox.close(false);
            }
        }
        return total;
    }
}
