package org.parcours.media;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.Session;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The static export of a published cycle: its public pages, as visitors get them, with every link made relative,
 * plus the styles, the media script and the media files (replays, subtitles, chapters, slides, thumbnails). The
 * result, a folder or a zip, works on any static web server:
 *
 * <pre>
 * index.html                  the cycle page
 * sessions/&lt;slug&gt;.html        one page per session
 * css/parcours.css, js/media.js
 * media/&lt;key&gt;                 the files the pages use
 * </pre>
 *
 * Pages are fetched from this running application over loopback HTTP, so they are exactly the public pages; links
 * to anything not exported (sign-in, other cycles, trainings) keep their text and lose their link; forms and the
 * language switch are left out.
 */
@Component
public class CycleArchive {

    private static final Pattern CYCLE_PAGE = Pattern.compile("/cycles/([A-Za-z0-9_-]+)/?");
    private static final Pattern SESSION_PAGE = Pattern.compile("/cycles/([A-Za-z0-9_-]+)/sessions/([A-Za-z0-9_-]+)/?");
    private static final Pattern MEDIA = Pattern.compile("/media/(" + MediaStore.KEY.pattern() + ")");
    private static final Map<String, String> ASSETS =
            Map.of("/css/parcours.css", "css/parcours.css", "/js/media.js", "js/media.js");

    private final CycleService cycles;
    private final MediaService media;
    private final Environment environment;
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    CycleArchive(CycleService cycles, MediaService media, Environment environment) {
        this.cycles = cycles;
        this.media = media;
        this.environment = environment;
    }

    /** Where the archive's files go. */
    public interface Sink extends Closeable {
        void write(String path, byte[] content) throws IOException;

        void copy(String path, Path file) throws IOException;
    }

    /** Writes the archive of the published cycle {@code slug}; empty when there is no such published cycle. */
    public Optional<Integer> write(String slug, Sink sink) throws IOException, InterruptedException {
        Optional<Cycle> found = cycles.publishedCycle(slug);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Cycle cycle = found.get();
        List<Session> sessions = cycles.sessions(cycle.id());
        Set<String> exported = new LinkedHashSet<>();
        sessions.forEach(s -> exported.add(s.slug()));
        Set<String> keys = new LinkedHashSet<>();
        int files = 0;
        sink.write("index.html", page("/cycles/" + cycle.slug(), cycle, exported, "", keys));
        files++;
        for (Session session : sessions) {
            String path = "/cycles/" + cycle.slug() + "/sessions/" + session.slug();
            sink.write("sessions/" + session.slug() + ".html", page(path, cycle, exported, "../", keys));
            files++;
        }
        for (Map.Entry<String, String> asset : new TreeMap<>(ASSETS).entrySet()) {
            try (InputStream in = new ClassPathResource("static" + asset.getKey()).getInputStream()) {
                sink.write(asset.getValue(), in.readAllBytes());
                files++;
            }
        }
        for (String key : keys) {
            Optional<MediaService.Servable> file = media.servable(key, false);
            if (file.isPresent()) {
                sink.copy("media/" + key, file.get().path());
                files++;
            }
        }
        return Optional.of(files);
    }

    private byte[] page(String path, Cycle cycle, Set<String> exported, String up, Set<String> keys)
            throws IOException, InterruptedException {
        String base = "http://127.0.0.1:" + environment.getRequiredProperty("local.server.port");
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + path + "?lang=" + cycle.language()))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode());
        }
        Document doc = Jsoup.parse(response.body());
        doc.select("form, .lang-switch, script[src^=/webjars/]").remove();
        doc.body().removeAttr("hx-headers");
        for (Element element : doc.select("[href], [src]")) {
            String attribute = element.hasAttr("href") ? "href" : "src";
            String url = element.attr(attribute);
            String target = local(url, cycle, exported, up, keys);
            if (target != null) {
                element.attr(attribute, target);
                if (url.startsWith("/media/") && url.contains("?download")) {
                    element.attr("download", ""); // a static server cannot send Content-Disposition
                }
            } else if (element.tagName().equals("a")) {
                element.unwrap();
            } else {
                element.remove();
            }
        }
        return doc.outerHtml().getBytes(StandardCharsets.UTF_8);
    }

    /** The relative address of {@code url} in the archive, the URL itself if external, null if not exported. */
    private static String local(String url, Cycle cycle, Set<String> exported, String up, Set<String> keys) {
        if (url.startsWith("#")
                || url.startsWith("https://")
                || url.startsWith("http://")
                || url.startsWith("mailto:")) {
            return url;
        }
        if (!url.startsWith("/") || url.startsWith("//")) {
            return null;
        }
        int cut = indexOfAny(url, '?', '#');
        String path = cut < 0 ? url : url.substring(0, cut);
        String fragment = url.contains("#") ? url.substring(url.indexOf('#')) : "";
        Matcher m;
        if ((m = CYCLE_PAGE.matcher(path)).matches() && m.group(1).equals(cycle.slug())) {
            return up + "index.html" + fragment;
        }
        if ((m = SESSION_PAGE.matcher(path)).matches()
                && m.group(1).equals(cycle.slug())
                && exported.contains(m.group(2))) {
            return up + "sessions/" + m.group(2) + ".html" + fragment;
        }
        if ((m = MEDIA.matcher(path)).matches()) {
            keys.add(m.group(1));
            return up + "media/" + m.group(1) + fragment;
        }
        String asset = ASSETS.get(path);
        return asset == null ? null : up + asset;
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    /** A folder on disk (created when missing). */
    public static Sink folder(Path root) {
        return new Sink() {
            @Override
            public void write(String path, byte[] content) throws IOException {
                Path target = root.resolve(path);
                Files.createDirectories(target.getParent());
                Files.write(target, content);
            }

            @Override
            public void copy(String path, Path file) throws IOException {
                Path target = root.resolve(path);
                Files.createDirectories(target.getParent());
                Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }

            @Override
            public void close() {}
        };
    }

    /** A zip written as it goes, under a top folder {@code name}; media files are stored without compression. */
    public static Sink zip(OutputStream out, String name) {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        return new Sink() {
            @Override
            public void write(String path, byte[] content) throws IOException {
                zip.setLevel(Deflater.DEFAULT_COMPRESSION);
                zip.putNextEntry(new ZipEntry(name + "/" + path));
                zip.write(content);
                zip.closeEntry();
            }

            @Override
            public void copy(String path, Path file) throws IOException {
                zip.setLevel(Deflater.NO_COMPRESSION);
                zip.putNextEntry(new ZipEntry(name + "/" + path));
                Files.copy(file, zip);
                zip.closeEntry();
            }

            @Override
            public void close() throws IOException {
                zip.finish();
            }
        };
    }
}
