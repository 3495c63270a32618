package org.parcours.library.qa.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleService;
import org.parcours.cycle.Session;
import org.parcours.library.qa.AnswerStatus;
import org.parcours.library.qa.ArchivedQuestion;
import org.parcours.library.qa.AuthorDisplay;
import org.parcours.library.qa.ChatReader;
import org.parcours.library.qa.ImportSummary;
import org.parcours.web.FormErrors;
import org.parcours.web.NotFoundException;
import org.parcours.web.Ui;
import org.springframework.stereotype.Component;

/** What the organisers' Q&A templates receive, and the look-ups every Q&A controller needs. */
@Component
public class QaPages {

    private final CycleService cycles;

    QaPages(CycleService cycles) {
        this.cycles = cycles;
    }

    Session session(long sessionId) {
        return cycles.session(sessionId).orElseThrow(NotFoundException::new);
    }

    Cycle cycle(Session session) {
        return cycles.cycle(session.cycleId()).orElseThrow(NotFoundException::new);
    }

    /** A session's Q&A page: its questions, how authors are shown, the organiser's pending imports. */
    public record SessionPage(
            Cycle cycle,
            Session session,
            List<ArchivedQuestion> questions,
            AuthorDisplay authorDisplay,
            List<ImportSummary> pending,
            List<String> problems) {

        public int maxMegabytes() {
            return ChatReader.MAX_BYTES / (1024 * 1024);
        }

        public String base() {
            return "/admin/sessions/" + session.id() + "/questions";
        }
    }

    /** One question's edit form. */
    public record EditPage(
            Cycle cycle,
            Session session,
            ArchivedQuestion question,
            QuestionForm form,
            FormErrors errors,
            List<String> themes) {}

    /** Select options: the author display choices, labelled in the visitor's language. */
    public static Map<String, String> authorDisplays(Ui ui) {
        Map<String, String> options = new LinkedHashMap<>();
        for (AuthorDisplay display : AuthorDisplay.values()) {
            options.put(display.name(), ui.text("qa.authorDisplay." + display.name()));
        }
        return options;
    }

    public static Map<String, String> statuses(Ui ui) {
        Map<String, String> options = new LinkedHashMap<>();
        for (AnswerStatus status : AnswerStatus.values()) {
            options.put(status.name(), ui.text("qa.status." + status.name()));
        }
        return options;
    }
}
