package org.parcours.live.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.parcours.media.ExternalVideo;
import org.parcours.media.MediaService;

/**
 * How the live page shows a session's livestream. Nothing of a third party is loaded before the visitor asks:
 * <ul>
 *   <li>{@code EMBED}: a YouTube, Vimeo or listed PeerTube address (recognised by the media feature) becomes its
 *       player, loaded on click ({@code embedUrl});
 *   <li>{@code HLS}: an {@code https://….m3u8} playlist on a host listed in {@code parcours.live.hls-hosts} is played
 *       in a {@code <video>} element, natively or by the vendored hls.js, on click;
 *   <li>{@code LINK}: any other web address, as a plain link.
 * </ul>
 *
 * @param provider for embeds, the media feature's provider name ("youtube", "vimeo", "peertube"); for HLS the host
 */
public record LiveStream(Kind kind, String url, String provider, String embedUrl) {

    public enum Kind {
        EMBED,
        HLS,
        LINK
    }

    static @Nullable LiveStream of(@Nullable String url, MediaService media, List<String> hlsHosts) {
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
            return null;
        }
        ExternalVideo video = media.embeddable(url).orElse(null);
        if (video != null) {
            return new LiveStream(Kind.EMBED, url, video.provider(), video.embedUrl());
        }
        String hlsHost = hlsHost(url, hlsHosts);
        if (hlsHost != null) {
            return new LiveStream(Kind.HLS, url, hlsHost, "");
        }
        return new LiveStream(Kind.LINK, url, "", "");
    }

    /** The host of an HTTPS HLS playlist on a listed host (default port: the CSP lists hosts without one). */
    private static @Nullable String hlsHost(String url, List<String> hlsHosts) {
        try {
            URI uri = new URI(url);
            String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            boolean hls = "https".equalsIgnoreCase(uri.getScheme())
                    && uri.getPort() == -1
                    && uri.getRawUserInfo() == null
                    && path.endsWith(".m3u8");
            return hls && hlsHosts.contains(host) ? host : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
