package org.parcours.media;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code media_*} tables, read and written with plain SQL. */
@Repository
class MediaRecords {

    private static final String FILE_COLUMNS = """
            id, session_id, kind, language, storage_key, content_type, size_bytes, sha256, file_name,
            page_count, created_at""";

    private final JdbcClient jdbc;

    MediaRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<MediaFile> files(long sessionId) {
        return jdbc.sql("select " + FILE_COLUMNS + " from media_file where session_id = :s order by kind, language")
                .param("s", sessionId)
                .query(MediaFile.class)
                .list();
    }

    List<MediaFile> files(Collection<Long> sessionIds) {
        if (sessionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + FILE_COLUMNS + " from media_file where session_id in (:s)")
                .param("s", sessionIds)
                .query(MediaFile.class)
                .list();
    }

    Optional<MediaFile> file(String key) {
        return jdbc.sql("select " + FILE_COLUMNS + " from media_file where storage_key = :k")
                .param("k", key)
                .query(MediaFile.class)
                .optional();
    }

    Optional<MediaFile> slot(long sessionId, MediaKind kind, String language) {
        return jdbc.sql("select " + FILE_COLUMNS
                        + " from media_file where session_id = :s and kind = :kind and language = :l")
                .param("s", sessionId)
                .param("kind", kind.name())
                .param("l", language)
                .query(MediaFile.class)
                .optional();
    }

    boolean keyExists(String key) {
        return jdbc.sql("select count(*) from media_file where storage_key = :k")
                        .param("k", key)
                        .query(Long.class)
                        .single()
                > 0;
    }

    long insert(
            long sessionId,
            MediaKind kind,
            String language,
            String key,
            ContentType type,
            long size,
            String sha256,
            String fileName,
            @Nullable Integer pageCount,
            OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into media_file (session_id, kind, language, storage_key, content_type, size_bytes,
                            sha256, file_name, page_count, created_at)
                        values (:s, :kind, :l, :key, :type, :size, :sha, :name, :pages, :now)""")
                .param("s", sessionId)
                .param("kind", kind.name())
                .param("l", language)
                .param("key", key)
                .param("type", type.mimeType)
                .param("size", size)
                .param("sha", sha256)
                .param("name", fileName)
                .param("pages", pageCount)
                .param("now", now)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    /** Deletes the file records of a slot; returns their keys (files to delete after the commit). */
    List<String> clear(long sessionId, MediaKind kind, String language) {
        List<String> keys = jdbc.sql(
                        "select storage_key from media_file where session_id = :s and kind = :kind and language = :l")
                .param("s", sessionId)
                .param("kind", kind.name())
                .param("l", language)
                .query(String.class)
                .list();
        jdbc.sql("delete from media_file where session_id = :s and kind = :kind and language = :l")
                .param("s", sessionId)
                .param("kind", kind.name())
                .param("l", language)
                .update();
        return keys;
    }

    Optional<String> externalUrl(long sessionId) {
        return jdbc.sql("select url from media_external_video where session_id = :s")
                .param("s", sessionId)
                .query(String.class)
                .optional();
    }

    List<Long> sessionsWithExternal(Collection<Long> sessionIds) {
        if (sessionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select session_id from media_external_video where session_id in (:s)")
                .param("s", sessionIds)
                .query(Long.class)
                .list();
    }

    void setExternal(long sessionId, String url, OffsetDateTime now) {
        clearExternal(sessionId);
        jdbc.sql("insert into media_external_video (session_id, url, created_at) values (:s, :u, :now)")
                .param("s", sessionId)
                .param("u", url)
                .param("now", now)
                .update();
    }

    int clearExternal(long sessionId) {
        return jdbc.sql("delete from media_external_video where session_id = :s")
                .param("s", sessionId)
                .update();
    }

    List<Chapter> chapters(long sessionId) {
        return jdbc.sql("select start_ms, end_ms, title from media_chapter where session_id = :s order by position")
                .param("s", sessionId)
                .query(Chapter.class)
                .list();
    }

    void replaceChapters(long sessionId, List<Chapter> chapters) {
        jdbc.sql("delete from media_chapter where session_id = :s")
                .param("s", sessionId)
                .update();
        int position = 0;
        for (Chapter chapter : chapters) {
            jdbc.sql("""
                            insert into media_chapter (session_id, position, start_ms, end_ms, title)
                            values (:s, :p, :start, :end, :title)""")
                    .param("s", sessionId)
                    .param("p", position++)
                    .param("start", chapter.startMs())
                    .param("end", chapter.endMs())
                    .param("title", chapter.title())
                    .update();
        }
    }
}
