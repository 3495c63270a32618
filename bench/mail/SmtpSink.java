import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal SMTP sink for the mail benchmark: accepts every message on 127.0.0.1, keeps nothing but a count and
 * the set of Message-IDs (to detect a message delivered twice). "STAT" answers "250 <messages> <distinct ids>".
 * Usage: java bench/mail/SmtpSink.java <port>
 */
public class SmtpSink {

    static final AtomicLong messages = new AtomicLong();
    static final Set<String> ids = ConcurrentHashMap.newKeySet();

    public static void main(String[] args) throws IOException {
        try (ServerSocket server = new ServerSocket(Integer.parseInt(args[0]), 100, InetAddress.getLoopbackAddress())) {
            System.out.println("SMTP sink listening on 127.0.0.1:" + server.getLocalPort());
            while (true) {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> serve(socket));
            }
        }
    }

    static void serve(Socket socket) {
        try (socket;
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1), 65536);
                OutputStream out = socket.getOutputStream()) {
            socket.setTcpNoDelay(true);
            reply(out, "220 sink ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
                switch (command) {
                    case "EHLO" -> reply(out, "250-sink\r\n250-8BITMIME\r\n250 SIZE 52428800");
                    case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        String id = null;
                        boolean headers = true;
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            if (headers && line.isEmpty()) {
                                headers = false;
                            } else if (headers && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                                id = line.substring(11).strip();
                            }
                        }
                        messages.incrementAndGet();
                        if (id != null) {
                            ids.add(id);
                        }
                        reply(out, "250 OK queued");
                    }
                    case "STAT" -> reply(out, "250 " + messages.get() + " " + ids.size());
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 not implemented");
                }
            }
        } catch (IOException e) {
            // client went away
        }
    }

    static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
