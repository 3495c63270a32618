package org.parcours.media;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A replay hosted elsewhere: YouTube (embedded from youtube-nocookie.com), Vimeo (with {@code dnt=1}) or a
 * PeerTube instance the administrator listed in {@code parcours.media.peertube-hosts}. The page shows a plain link
 * and loads the embed only when the visitor asks for it.
 *
 * @param url the address the organiser gave, as a link for visitors
 * @param provider "youtube", "vimeo" or "peertube"
 * @param embedUrl the player to load on request
 */
public record ExternalVideo(String url, String provider, String embedUrl) {

    private static final Pattern YOUTUBE_ID = Pattern.compile("[A-Za-z0-9_-]{11}");
    private static final Pattern VIMEO_ID = Pattern.compile("/(\\d{1,12})/?");
    private static final Pattern PEERTUBE = Pattern.compile("/(?:w|videos/watch|videos/embed)/([A-Za-z0-9-]{6,64})/?");

    /** The embed starting at {@code seconds}: each provider's own start parameter. */
    public String embedUrlAt(long seconds) {
        String param = switch (provider) {
            case "youtube", "peertube" -> "start=" + seconds;
            default -> "";
        };
        String url = embedUrl + (param.isEmpty() ? "" : (embedUrl.contains("?") ? "&" : "?") + param);
        return "vimeo".equals(provider) ? url + "#t=" + seconds + "s" : url;
    }

    /** The visitor-facing address at {@code seconds}, for chapter links that work without JavaScript. */
    public String urlAt(long seconds) {
        return switch (provider) {
            case "youtube" ->
                UriComponentsBuilder.fromUriString(url)
                        .replaceQueryParam("t", seconds + "s")
                        .build()
                        .toUriString();
            case "peertube" ->
                UriComponentsBuilder.fromUriString(url)
                        .replaceQueryParam("start", seconds + "s")
                        .build()
                        .toUriString();
            default -> url.replaceAll("#.*", "") + "#t=" + seconds + "s";
        };
    }

    /** Recognises a video address; the reason it is refused otherwise. */
    static ExternalVideo parse(String input, List<String> peertubeHosts) throws MediaRejected {
        URI uri;
        try {
            uri = new URI(input.strip());
        } catch (URISyntaxException e) {
            throw new MediaRejected("media.external.invalid");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new MediaRejected("media.external.https");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String url = uri.toASCIIString();
        Optional<String> youtube = youtubeId(host, path, uri.getRawQuery());
        if (youtube.isPresent()) {
            return new ExternalVideo(url, "youtube", "https://www.youtube-nocookie.com/embed/" + youtube.get());
        }
        if (host.equals("vimeo.com") || host.equals("www.vimeo.com") || host.equals("player.vimeo.com")) {
            Matcher m = VIMEO_ID.matcher(path.replaceFirst("^/video", ""));
            if (m.matches()) {
                return new ExternalVideo(url, "vimeo", "https://player.vimeo.com/video/" + m.group(1) + "?dnt=1");
            }
            throw new MediaRejected("media.external.unknown");
        }
        Matcher peertube = PEERTUBE.matcher(path);
        if (peertube.matches()) {
            if (!peertubeHosts.contains(host) || uri.getPort() != -1) {
                throw new MediaRejected("media.external.peertubeHost", host);
            }
            return new ExternalVideo(url, "peertube", "https://" + host + "/videos/embed/" + peertube.group(1));
        }
        throw new MediaRejected("media.external.unknown");
    }

    private static Optional<String> youtubeId(String host, String path, String query) {
        String id = null;
        if (host.equals("youtu.be")) {
            id = path.replaceFirst("^/", "");
        } else if (host.equals("youtube.com")
                || host.endsWith(".youtube.com")
                || host.equals("www.youtube-nocookie.com")) {
            if (path.equals("/watch") && query != null) {
                for (String pair : query.split("&")) {
                    if (pair.startsWith("v=")) {
                        id = pair.substring(2);
                    }
                }
            } else {
                Matcher m =
                        Pattern.compile("/(?:embed|live|shorts|v)/([^/]+)/?").matcher(path);
                id = m.matches() ? m.group(1) : null;
            }
        }
        return id != null && YOUTUBE_ID.matcher(id).matches() ? Optional.of(id) : Optional.empty();
    }
}
