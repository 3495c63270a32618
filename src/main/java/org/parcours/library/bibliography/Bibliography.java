package org.parcours.library.bibliography;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriUtils;

/**
 * The public API of the bibliography for reading: references of a session or of a cycle in their order, the
 * views public pages show, and the exports. Reads do not check publication: the callers (public controllers) only
 * ask for published cycles; the admin shows drafts too.
 */
@Service
@Transactional(readOnly = true)
public class Bibliography {

    /** Sorting inside one bibliography: by position, then by age for positions two writers gave at once. */
    static final Comparator<Reference> ORDER =
            Comparator.comparingInt(Reference::position).thenComparing(r -> Objects.requireNonNull(r.id()));

    private final ReferenceRepository references;
    private final CycleService cycles;
    private final Citations citations;

    Bibliography(ReferenceRepository references, CycleService cycles, Citations citations) {
        this.references = references;
        this.cycles = cycles;
        this.citations = citations;
    }

    public List<Reference> of(Owner owner) {
        List<Reference> found = owner.sessionId() == null
                ? references.findByCycleIdAndSessionIdIsNullOrderByPosition(owner.cycleId())
                : references.findByCycleIdAndSessionIdOrderByPosition(owner.cycleId(), owner.sessionId());
        return found.stream().sorted(ORDER).toList();
    }

    public Optional<Reference> reference(long id) {
        return references.findById(id);
    }

    /** Every reference of a cycle: the cycle's own first, then each session's in path order. */
    public List<Reference> allOfCycle(long cycleId) {
        Map<Long, Integer> order = new HashMap<>();
        for (Session s : cycles.sessions(cycleId)) {
            order.put(s.id(), s.position());
        }
        return references.findByCycleId(cycleId).stream()
                .sorted(Comparator.comparingInt((Reference r) ->
                                r.sessionId() == null ? 0 : order.getOrDefault(r.sessionId(), Integer.MAX_VALUE))
                        .thenComparing(ORDER))
                .toList();
    }

    /** The bibliography of a session as its public page shows it. */
    public BibliographyView sessionView(Cycle cycle, Session session, Locale locale) {
        return view(
                of(Owner.session(cycle.id(), Objects.requireNonNull(session.id()))),
                locale,
                "/cycles/" + cycle.slug() + "/sessions/" + session.slug() + "/references");
    }

    /** The cycle's own references as the cycle page shows them; the exports hold every session's too. */
    public BibliographyView cycleView(Cycle cycle, Locale locale) {
        BibliographyView own = view(of(Owner.cycle(cycle.id())), locale, "/cycles/" + cycle.slug() + "/references");
        return new BibliographyView(own.entries(), own.exportBase(), anyInCycle(cycle.id()));
    }

    /** Whether any session of the cycle, or the cycle itself, has a reference. */
    public boolean anyInCycle(long cycleId) {
        return !references.findByCycleId(cycleId).isEmpty();
    }

    public BibliographyView view(List<Reference> list, Locale locale, String exportBase) {
        List<BibliographyView.Entry> entries = new ArrayList<>();
        for (Reference r : list) {
            ReferenceData data = r.data();
            Citation citation = citations.format(data, locale);
            long id = Objects.requireNonNull(r.id());
            entries.add(new BibliographyView.Entry(
                    id,
                    "reference-" + id,
                    r.kind(),
                    citation,
                    Coins.contextObject(data),
                    links(data, citation),
                    r.note(),
                    r.language()));
        }
        return new BibliographyView(entries, exportBase, !entries.isEmpty());
    }

    public Citation citation(ReferenceData data, Locale locale) {
        return citations.format(data, locale);
    }

    /** DOI, ISBN and web address as links, unless the citation already links to the same address. */
    static List<BibliographyView.Link> links(ReferenceData data, Citation citation) {
        List<BibliographyView.Link> links = new ArrayList<>();
        if (data.doi() != null) {
            links.add(new BibliographyView.Link(
                    "doi", "https://doi.org/" + UriUtils.encodePath(data.doi(), StandardCharsets.UTF_8), data.doi()));
        }
        if (data.isbn() != null) {
            links.add(new BibliographyView.Link(
                    "isbn", "https://openlibrary.org/isbn/" + data.isbn().replace("-", ""), data.isbn()));
        }
        if (data.url() != null) {
            links.add(new BibliographyView.Link("url", data.url(), data.url()));
        }
        String html = citation.html();
        return links.stream()
                .filter(l -> !html.contains("href=\"" + l.href().replace("&", "&amp;") + "\""))
                .toList();
    }

    // ---- exports

    public enum ExportFormat {
        BIBTEX("bib", "application/x-bibtex"),
        RIS("ris", "application/x-research-info-systems"),
        CSL_JSON("json", "application/vnd.citationstyles.csl+json");

        private final String extension;
        private final String mediaType;

        ExportFormat(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        public String extension() {
            return extension;
        }

        public String mediaType() {
            return mediaType;
        }

        public static Optional<ExportFormat> byExtension(String extension) {
            for (ExportFormat f : values()) {
                if (f.extension.equals(extension.toLowerCase(Locale.ROOT))) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    /** The references as a file of the given format, in UTF-8. */
    public String export(List<Reference> list, ExportFormat format) {
        List<ReferenceData> data = list.stream().map(Reference::data).toList();
        return switch (format) {
            case BIBTEX -> BibtexWriter.write(data);
            case RIS -> RisWriter.write(data);
            case CSL_JSON -> CslJsonFile.write(data);
        };
    }
}
