package org.parcours.media;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a session page shows of a session's media: the replay (an uploaded {@code video} or an {@code external}
 * one, never both), its subtitle tracks, chapters (as a track and as a list), and the slides with their thumbnail.
 * A record, so its {@code toString} covers everything and can be part of a page's ETag.
 */
public record SessionMedia(
        @Nullable MediaFile video,
        @Nullable ExternalVideo external,
        List<MediaFile> subtitles,
        @Nullable MediaFile chaptersTrack,
        List<Chapter> chapters,
        @Nullable MediaFile slides,
        @Nullable MediaFile thumbnail) {

    public static final SessionMedia NONE = new SessionMedia(null, null, List.of(), null, List.of(), null, null);

    public boolean hasReplay() {
        return video != null || external != null;
    }

    public boolean hasSlides() {
        return slides != null;
    }

    public boolean isEmpty() {
        return !hasReplay() && !hasSlides();
    }

    /** "Français" / "French": a subtitle track's language, named in the visitor's language. */
    public static String languageName(String language, Locale visitor) {
        String name = Locale.forLanguageTag(language).getDisplayName(visitor);
        return name.isEmpty() ? language : name.substring(0, 1).toUpperCase(visitor) + name.substring(1);
    }

    /** "1,5 Mo" / "1.5 MB": decimal units, one decimal from MB on. */
    public static String size(long bytes, Locale visitor) {
        boolean fr = "fr".equals(visitor.getLanguage());
        String[] units = fr ? new String[] {"o", "ko", "Mo", "Go", "To"} : new String[] {"B", "kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        String number = unit == 0 ? Long.toString(bytes) : String.format(visitor, unit == 1 ? "%.0f" : "%.1f", value);
        return number + (fr ? "\u00a0" : " ") + units[unit];
    }
}
