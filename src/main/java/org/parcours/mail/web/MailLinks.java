package org.parcours.mail.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** The links of a mail's HTML body, listed on its Outbox page so they can be followed (e.g. a sign-in link). */
public final class MailLinks {

    private static final Pattern HEAD = Pattern.compile("<head(\\s[^>]*)?>", Pattern.CASE_INSENSITIVE);

    private MailLinks() {}

    /** @param text what the link says; {@code url} an http(s) address (other schemes are left out) */
    public record Link(String text, String url) {}

    static List<Link> of(String html) {
        List<Link> links = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Element a : Jsoup.parse(html).select("a[href]")) {
            String url = a.attr("href").strip();
            String scheme = url.toLowerCase(Locale.ROOT);
            if ((scheme.startsWith("https://") || scheme.startsWith("http://")) && seen.add(url)) {
                String text = a.text().strip();
                links.add(new Link(text.isEmpty() ? url : text, url));
            }
        }
        return links;
    }

    /**
     * The stored HTML, unchanged but for a {@code <base target="_top">}: inside the Outbox iframe a followed link
     * replaces the whole page (Parcours pages refuse to be framed).
     */
    static String openLinksInTopWindow(String html) {
        String base = "<base target=\"_top\">";
        Matcher head = HEAD.matcher(html);
        if (head.find()) {
            return html.substring(0, head.end()) + base + html.substring(head.end());
        }
        return base + html;
    }
}
