package org.parcours.library.bibliography;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The COinS title is an OpenURL 1.0 ContextObject in KEV form, as Zotero's connector reads it. */
class CoinsTest {

    /** The pairs of a KEV string, decoded, in order (keys may repeat). */
    static List<Map.Entry<String, String>> pairs(String kev) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (String pair : kev.split("&")) {
            int eq = pair.indexOf('=');
            assertThat(eq).as("key=value in %s", pair).isPositive();
            assertThat(pair.substring(eq + 1)).doesNotContain(" ", "&", "=");
            pairs.add(Map.entry(
                    pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)));
        }
        return pairs;
    }

    @Test
    void aBookIsABookContextObject() {
        ReferenceData book = new ReferenceData(
                ReferenceKind.BOOK,
                List.of(Author.person("Servigne", "Pablo"), Author.person("Chapelle", "Gauthier")),
                "L'entraide, l'autre loi de la jungle",
                null,
                "Les Liens qui libèrent",
                "Paris",
                2017,
                null,
                null,
                null,
                "979-10-209-0526-6",
                "fr",
                null);

        String kev = Coins.contextObject(book);

        assertThat(kev).startsWith("ctx_ver=Z39.88-2004&rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Abook&");
        assertThat(pairs(kev))
                .containsExactly(
                        Map.entry("ctx_ver", "Z39.88-2004"),
                        Map.entry("rft_val_fmt", "info:ofi/fmt:kev:mtx:book"),
                        Map.entry("rft.genre", "book"),
                        Map.entry("rft.btitle", "L'entraide, l'autre loi de la jungle"),
                        Map.entry("rft.aulast", "Servigne"),
                        Map.entry("rft.aufirst", "Pablo"),
                        Map.entry("rft.au", "Servigne, Pablo"),
                        Map.entry("rft.au", "Chapelle, Gauthier"),
                        Map.entry("rft.date", "2017"),
                        Map.entry("rft.pub", "Les Liens qui libèrent"),
                        Map.entry("rft.place", "Paris"),
                        Map.entry("rft.isbn", "979-10-209-0526-6"),
                        Map.entry("rft.language", "fr"),
                        Map.entry("rfr_id", "info:sid/parcours"));
        assertThat(kev).contains("rft.pub=Les%20Liens%20qui%20lib%C3%A8rent");
    }

    @Test
    void anArticleIsAJournalContextObjectWithItsDoiAndPages() {
        ReferenceData article = new ReferenceData(
                ReferenceKind.ARTICLE,
                List.of(Author.organisation("InsTerCoop"), Author.person("Dupont", null)),
                "Coopérer & durer",
                "Revue de la coopération",
                null,
                null,
                2020,
                "12–34",
                "https://example.org/a?b=1&c=2",
                "10.1234/abc.5",
                null,
                null,
                null);

        assertThat(pairs(Coins.contextObject(article)))
                .containsExactly(
                        Map.entry("ctx_ver", "Z39.88-2004"),
                        Map.entry("rft_val_fmt", "info:ofi/fmt:kev:mtx:journal"),
                        Map.entry("rft.genre", "article"),
                        Map.entry("rft.atitle", "Coopérer & durer"),
                        Map.entry("rft.jtitle", "Revue de la coopération"),
                        Map.entry("rft.aucorp", "InsTerCoop"),
                        Map.entry("rft.au", "InsTerCoop"),
                        Map.entry("rft.au", "Dupont"),
                        Map.entry("rft.date", "2020"),
                        Map.entry("rft.pages", "12-34"),
                        Map.entry("rft.spage", "12"),
                        Map.entry("rft.epage", "34"),
                        Map.entry("rft_id", "info:doi/10.1234/abc.5"),
                        Map.entry("rft_id", "https://example.org/a?b=1&c=2"),
                        Map.entry("rfr_id", "info:sid/parcours"));
    }

    @Test
    void webPagesAndVideosAreDublinCore() {
        ReferenceData page = new ReferenceData(
                ReferenceKind.WEB_PAGE,
                List.of(),
                "Site",
                "InsTerCoop",
                null,
                null,
                null,
                null,
                "https://example.org",
                null,
                null,
                "fr",
                null);

        assertThat(pairs(Coins.contextObject(page)))
                .contains(
                        Map.entry("rft_val_fmt", "info:ofi/fmt:kev:mtx:dc"),
                        Map.entry("rft.title", "Site"),
                        Map.entry("rft.publisher", "InsTerCoop"),
                        Map.entry("rft_id", "https://example.org"));
    }
}
