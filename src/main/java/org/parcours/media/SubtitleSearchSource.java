package org.parcours.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.Session;
import org.parcours.library.search.SearchDocument;
import org.parcours.library.search.SearchSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Subtitles as search documents: the cues of each track of a published cycle's sessions, a few at a time, each
 * group linking to the session page at its time ({@code #t=<seconds>}, which the page's player seeks to). Changes
 * are announced by {@link MediaUploads} as {@code SearchContentChanged("subtitles", cycleId)}.
 */
@Component
class SubtitleSearchSource implements SearchSource {

    static final String NAME = "subtitles";

    /**
     * A group ends after this many cues, once its text reaches {@link #GROUP_CHARACTERS}, or before a pause longer
     * than {@link #GROUP_PAUSE_MS}: small groups link close to the words found.
     */
    static final int GROUP_CUES = 3;

    static final int GROUP_CHARACTERS = 250;

    static final long GROUP_PAUSE_MS = 10_000;

    static final int TITLE_CHARACTERS = 70;

    private static final Logger log = LoggerFactory.getLogger(SubtitleSearchSource.class);
    /** WebVTT cue markup: voice, class, language, ruby, timestamp tags. */
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private final CycleService cycles;
    private final MediaRecords records;
    private final MediaStore store;

    SubtitleSearchSource(CycleService cycles, MediaRecords records, MediaStore store) {
        this.cycles = cycles;
        this.records = records;
        this.store = store;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<SearchDocument> documents(long cycleId) {
        Optional<Cycle> published = cycles.cycle(cycleId).filter(Cycle::published);
        if (published.isEmpty()) {
            return List.of();
        }
        Cycle cycle = published.get();
        Map<Long, Session> sessions = new HashMap<>();
        for (Session session : cycles.sessions(cycleId)) {
            sessions.put(session.id(), session);
        }
        List<SearchDocument> documents = new ArrayList<>();
        for (MediaFile track : records.files(sessions.keySet())) {
            if (track.kind() == MediaKind.SUBTITLES) {
                documents.addAll(documents(cycle, sessions.get(track.sessionId()), track));
            }
        }
        return documents;
    }

    private List<SearchDocument> documents(Cycle cycle, Session session, MediaFile track) {
        List<Cue> cues;
        try {
            Path path = store.path(track.key()).orElseThrow(() -> new IOException("bad key"));
            cues = TextTracks.read(Files.readAllBytes(path));
        } catch (IOException | TrackProblem e) {
            log.warn("Search: subtitles {} of session {} not indexed: {}", track.key(), session.id(), e.toString());
            return List.of();
        }
        String sessionUrl = "/cycles/" + cycle.slug() + "/sessions/" + session.slug();
        List<SearchDocument> documents = new ArrayList<>();
        int i = 0;
        while (i < cues.size()) {
            Cue first = cues.get(i);
            StringBuilder text = new StringBuilder();
            int n = 0;
            while (i < cues.size()
                    && n < GROUP_CUES
                    && text.length() < GROUP_CHARACTERS
                    && (n == 0 || cues.get(i).startMs() - cues.get(i - 1).endMs() <= GROUP_PAUSE_MS)) {
                String cueText = plain(cues.get(i).text());
                if (!cueText.isEmpty()) {
                    text.append(text.isEmpty() ? "" : " ").append(cueText);
                }
                i++;
                n++;
            }
            long seconds = first.startMs() / 1000;
            // The title is the time and the first words, not the session's title: that would make every group
            // of a session match the words of its title.
            documents.add(new SearchDocument(
                    "subtitle:" + track.id() + ":" + first.startMs(),
                    NAME,
                    cycle.id(),
                    "subtitle",
                    track.language(),
                    Cue.clock(first.startMs()) + " · " + opening(text.toString()),
                    text.toString(),
                    sessionUrl + "#t=" + seconds,
                    cycle.title() + " · " + session.title()));
        }
        return documents;
    }

    /** The first words of a text, at most about {@link #TITLE_CHARACTERS} characters, cut between words. */
    static String opening(String text) {
        if (text.length() <= TITLE_CHARACTERS) {
            return text;
        }
        int cut = text.lastIndexOf(' ', TITLE_CHARACTERS);
        return text.substring(0, cut > 0 ? cut : TITLE_CHARACTERS).strip() + " …";
    }

    /** A cue's words: tags removed, character references decoded, lines joined. */
    static String plain(String cueText) {
        String withoutTags = TAG.matcher(cueText).replaceAll("");
        return Parser.unescapeEntities(withoutTags, false)
                .replaceAll("\\s+", " ")
                .strip();
    }
}
