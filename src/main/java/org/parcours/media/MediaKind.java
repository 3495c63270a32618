package org.parcours.media;

/** What a stored file is for. A session has at most one file of each kind (subtitles: one per language). */
public enum MediaKind {
    VIDEO,
    SLIDES,
    THUMBNAIL,
    SUBTITLES,
    CHAPTERS
}
