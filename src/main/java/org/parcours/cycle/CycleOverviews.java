package org.parcours.cycle;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Read model of the home page: every published cycle with the dates of its sessions, in one query. */
@Repository
class CycleOverviews {

    private final JdbcClient jdbc;

    CycleOverviews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CycleOverview> published(Instant now) {
        Map<Long, CycleRow> cycles = new LinkedHashMap<>();
        jdbc.sql("""
                        select c.id, c.slug, c.title, c.summary, c.language,
                               s.slug as session_slug, s.title as session_title, s.starts_at, s.time_zone,
                               s.duration_minutes
                        from cycle c
                        left join cycle_session s on s.cycle_id = c.id
                        where c.status = 'PUBLISHED'
                        order by c.id, s.position
                        """).query(rs -> {
            CycleRow cycle = cycles.get(rs.getLong("id"));
            if (cycle == null) {
                cycle = new CycleRow(
                        rs.getString("slug"), rs.getString("title"), rs.getString("summary"), rs.getString("language"));
                cycles.put(rs.getLong("id"), cycle);
            }
            OffsetDateTime start = rs.getObject("starts_at", OffsetDateTime.class);
            if (start != null) {
                cycle.path.add(new CycleOverview.SessionTime(
                        rs.getString("session_slug"),
                        rs.getString("session_title"),
                        start.atZoneSameInstant(ZoneId.of(rs.getString("time_zone"))),
                        rs.getInt("duration_minutes")));
            }
        });
        return cycles.values().stream()
                .map(c -> CycleOverview.of(c.slug, c.title, c.summary, c.language, c.path, now))
                .toList();
    }

    private static final class CycleRow {
        final String slug;
        final String title;
        final String summary;
        final String language;
        final List<CycleOverview.SessionTime> path = new ArrayList<>();

        CycleRow(String slug, String title, String summary, String language) {
            this.slug = slug;
            this.title = title;
            this.summary = summary;
            this.language = language;
        }
    }
}
