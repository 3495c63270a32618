package org.parcours.library.qa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a session page shows of its Q&A archive: the published questions grouped by theme (themes in the order of
 * their first question; questions without a theme in a last group whose {@code theme} is ""), and how authors are
 * shown. A record, so its {@code toString} covers everything and can be part of the page's ETag.
 */
public record SessionQuestions(AuthorDisplay authorDisplay, List<ThemeGroup> groups) {

    public static final SessionQuestions NONE = new SessionQuestions(AuthorDisplay.DEFAULT, List.of());

    public record ThemeGroup(String theme, List<ArchivedQuestion> questions) {}

    public SessionQuestions {
        groups = List.copyOf(groups);
    }

    static SessionQuestions of(AuthorDisplay display, List<ArchivedQuestion> questions) {
        Map<String, List<ArchivedQuestion>> byTheme = new LinkedHashMap<>();
        for (ArchivedQuestion q : questions) {
            byTheme.computeIfAbsent(q.theme(), t -> new ArrayList<>()).add(q);
        }
        List<ThemeGroup> groups = new ArrayList<>();
        byTheme.forEach((theme, list) -> {
            if (!theme.isEmpty()) {
                groups.add(new ThemeGroup(theme, List.copyOf(list)));
            }
        });
        if (byTheme.containsKey("")) {
            groups.add(new ThemeGroup("", List.copyOf(byTheme.get(""))));
        }
        return new SessionQuestions(display, groups);
    }

    public boolean isEmpty() {
        return groups.isEmpty();
    }

    /** True when at least one group has a theme (the page then shows theme headings). */
    public boolean themed() {
        return groups.stream().anyMatch(g -> !g.theme().isEmpty());
    }

    public int count() {
        return groups.stream().mapToInt(g -> g.questions().size()).sum();
    }

    /** The author of {@code question} as shown, "" when anonymous or unknown. */
    public String author(ArchivedQuestion question) {
        return authorDisplay.show(question.authorName());
    }
}
