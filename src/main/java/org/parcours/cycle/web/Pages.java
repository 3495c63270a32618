package org.parcours.cycle.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parcours.cycle.Cycle;
import org.parcours.cycle.CycleStatus;
import org.parcours.cycle.SegmentKind;
import org.parcours.cycle.Session;
import org.parcours.cycle.Training;
import org.parcours.web.FormErrors;
import org.parcours.web.Ui;

/** What the admin templates receive: one record per page, so a re-rendered form keeps the rest of its page. */
public final class Pages {

    private Pages() {}

    /** Select options: enum name → label from {@code prefix + name}, in declaration order. */
    public static Map<String, String> options(Ui ui, String prefix, Enum<?>[] values) {
        Map<String, String> options = new LinkedHashMap<>();
        for (Enum<?> value : values) {
            options.put(value.name(), ui.text(prefix + value.name()));
        }
        return options;
    }

    public static Map<String, String> kinds(Ui ui) {
        return options(ui, "admin.agenda.kind.", SegmentKind.values());
    }

    public static Map<String, String> statuses(Ui ui) {
        return options(ui, "admin.status.", CycleStatus.values());
    }

    public static Map<String, String> languages(Ui ui) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("fr", ui.text("admin.language.fr"));
        options.put("en", ui.text("admin.language.en"));
        return options;
    }

    public record Dashboard(List<CycleRow> cycles, List<Training> trainings) {}

    public record CycleRow(Cycle cycle, int sessions) {}

    /** New cycle ({@code cycle} null) or edit, with its sessions in path order. */
    public record CycleEditPage(@Nullable Cycle cycle, CycleForm form, FormErrors errors, List<Session> sessions) {

        public List<String> zones() {
            return FormValues.ZONES;
        }
    }

    /** New session ({@code session} null) or edit, with the agenda and key-point editors. */
    public record SessionEditPage(
            Cycle cycle,
            @Nullable Session session,
            SessionForm form,
            FormErrors errors,
            AgendaForm agenda,
            FormErrors agendaErrors,
            KeyPointsForm keyPoints,
            FormErrors keyPointErrors) {

        static SessionEditPage of(Cycle cycle, Session session) {
            return new SessionEditPage(
                    cycle,
                    session,
                    SessionForm.of(session),
                    FormErrors.none(),
                    AgendaForm.of(session),
                    FormErrors.none(),
                    KeyPointsForm.of(session),
                    FormErrors.none());
        }

        static SessionEditPage creating(Cycle cycle, SessionForm form, FormErrors errors) {
            return new SessionEditPage(
                    cycle,
                    null,
                    form,
                    errors,
                    new AgendaForm(List.of(), AgendaForm.Row.blank()),
                    FormErrors.none(),
                    new KeyPointsForm(List.of(), ""),
                    FormErrors.none());
        }

        SessionEditPage withDetails(SessionForm form, FormErrors errors) {
            return new SessionEditPage(cycle, session, form, errors, agenda, agendaErrors, keyPoints, keyPointErrors);
        }

        SessionEditPage withAgenda(AgendaForm agenda, FormErrors agendaErrors) {
            return new SessionEditPage(cycle, session, form, errors, agenda, agendaErrors, keyPoints, keyPointErrors);
        }

        SessionEditPage withKeyPoints(KeyPointsForm keyPoints, FormErrors keyPointErrors) {
            return new SessionEditPage(cycle, session, form, errors, agenda, agendaErrors, keyPoints, keyPointErrors);
        }

        public List<String> zones() {
            return FormValues.ZONES;
        }
    }

    /** New training ({@code training} null) or edit; {@code cycles} are the ones it may be attached to. */
    public record TrainingEditPage(
            @Nullable Training training, TrainingForm form, FormErrors errors, List<Cycle> cycles) {

        /** The cycles a training may be attached to, with "none" first. */
        public Map<String, String> cycleOptions(Ui ui) {
            Map<String, String> options = new LinkedHashMap<>();
            options.put("", ui.text("admin.training.noCycle"));
            for (Cycle cycle : cycles) {
                options.put(String.valueOf(cycle.id()), cycle.title());
            }
            return options;
        }
    }
}
