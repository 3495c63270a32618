package org.parcours.library.bibliography;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.DefaultAbbreviationProvider;
import de.undercouch.citeproc.DefaultLocaleProvider;
import de.undercouch.citeproc.ItemDataProvider;
import de.undercouch.citeproc.csl.CSLItemData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Formats references with citeproc-java (a pure-Java CSL processor) in the ISO 690 author-date style of the
 * visitor's language (French or English; styles from the Zotero style repository, CC BY-SA 3.0, in
 * {@code library/csl}). The processor's HTML is reduced to italics, bold and links: its inline {@code style}
 * attributes would break the Content-Security-Policy, and its links get {@code rel="noopener noreferrer"}.
 *
 * <p>A CSL processor is not thread-safe and takes a moment to build, so there is one per language, used under a
 * lock, and every formatted reference is kept in a bounded cache keyed by its content: a page shows the same
 * references over and over. Should the processor fail on some data, a plain "Authors. Title. Year." is shown.
 */
@Component
public class Citations {

    private static final Logger log = LoggerFactory.getLogger(Citations.class);
    private static final Safelist SAFE = Safelist.none()
            .addTags("i", "b", "a")
            .addAttributes("a", "href")
            .addProtocols("a", "href", "https", "http")
            .addEnforcedAttribute("a", "rel", "noopener noreferrer");

    private final Processor french = new Processor("fr", "fr-FR");
    private final Processor english = new Processor("en", "en-US");
    private final Cache<Key, Citation> cache =
            Caffeine.newBuilder().maximumSize(10_000).build();

    private record Key(String language, ReferenceData data) {}

    /**
     * Builds both processors in the background once the application is ready: the first one takes about a second
     * (the style is parsed and the code warms up), which the first visitor would otherwise wait for.
     */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        ReferenceData sample = new ReferenceData(
                ReferenceKind.BOOK,
                List.of(Author.person("Ostrom", "Elinor")),
                "Governing the Commons",
                null,
                "Cambridge University Press",
                "Cambridge",
                1990,
                null,
                null,
                null,
                null,
                "en",
                null);
        Thread.ofVirtual().name("citations-warm-up").start(() -> {
            french.format(sample);
            english.format(sample);
        });
    }

    /** The reference in the style of {@code locale}'s language (French unless English). */
    public Citation format(ReferenceData data, Locale locale) {
        Processor processor = "en".equals(locale.getLanguage()) ? english : french;
        return cache.get(new Key(processor.language, data), key -> processor.format(data));
    }

    /** One CSL processor over a one-item data provider whose item changes at each call (under the lock). */
    private static final class Processor implements ItemDataProvider {

        private static final String ID = "ref";

        private final String language;
        private final String cslLocale;
        private final ReentrantLock lock = new ReentrantLock();
        private @Nullable CSL csl;
        private @Nullable CSLItemData current;

        Processor(String language, String cslLocale) {
            this.language = language;
            this.cslLocale = cslLocale;
        }

        Citation format(ReferenceData data) {
            lock.lock();
            try {
                current = CSLItemData.fromJson(CslJson.item(ID, data));
                CSL processor = csl();
                String html = render(processor, "html");
                String text = render(processor, "text");
                return new Citation(clean(html), text.replace('\u00A0', ' ').strip());
            } catch (IOException | RuntimeException e) {
                log.warn("Citation not formatted by the CSL processor ({}): {}", language, e.toString());
                String plain = fallback(data);
                return new Citation(org.jsoup.nodes.Entities.escape(plain), plain);
            } finally {
                current = null;
                lock.unlock();
            }
        }

        private static String render(CSL processor, String format) {
            processor.reset();
            processor.setOutputFormat(format);
            processor.setConvertLinks(true);
            processor.registerCitationItems(ID);
            String[] entries = processor.makeBibliography().getEntries();
            return entries.length == 0 ? "" : entries[0];
        }

        private CSL csl() throws IOException {
            if (csl == null) {
                csl = new CSL(this, new DefaultLocaleProvider(), new DefaultAbbreviationProvider(), style(), cslLocale);
            }
            return csl;
        }

        private String style() {
            String name = "library/csl/iso690-author-date-" + language + ".csl";
            try (InputStream in = new ClassPathResource(name).getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("missing citation style " + name, e);
            }
        }

        @Override
        public @Nullable CSLItemData retrieveItem(String id) {
            return ID.equals(id) ? current : null;
        }

        @Override
        public Collection<String> getIds() {
            return current == null ? List.of() : List.of(ID);
        }
    }

    /** Italic and bold spans become {@code <i>} and {@code <b>}; every other element but links is dropped. */
    static String clean(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        for (Element span : doc.select("span[style]")) {
            String style = span.attr("style");
            if (style.contains("italic")) {
                span.tagName("i");
            } else if (style.contains("bold")) {
                span.tagName("b");
            }
        }
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(doc.body().html(), "", SAFE, output)
                .replaceAll("\\s+", " ")
                .strip();
    }

    static String fallback(ReferenceData data) {
        String authors = data.authors().stream().map(Author::line).collect(Collectors.joining("; "));
        return (authors.isEmpty() ? "" : authors + ". ")
                + data.title()
                + (data.year() == null ? "." : ". " + data.year() + ".");
    }
}
