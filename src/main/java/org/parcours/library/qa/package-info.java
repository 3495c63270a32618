/**
 * The Q&A archive of sessions: questions asked in the chat or the live room, with how their authors are shown, their
 * time in the session, theme, votes, status and the organisers' "first elements of answer" (Markdown, rendered
 * sanitised). See docs/library-qa.md.
 *
 * <p>Questions arrive through a chat-log import ({@link org.parcours.library.qa.ChatImports}): a file is read by
 * {@link org.parcours.library.qa.ChatReader} (Zoom, YouTube, CSV), or the live room's questions are read through
 * {@code live.QuestionService}; every message lands in staging tables for the organiser's review, and nothing
 * reaches the archive before they publish. Imported author names are plain text, never linked to accounts.
 *
 * <p>Other features may call {@link org.parcours.library.qa.QaArchive} (the session page reads the published
 * questions); search finds published questions through the {@code "qa"} {@link
 * org.parcours.library.search.SearchSource}. HTTP is in {@code library.qa.web}: the session page's section and the
 * organisers' pages under {@code /admin/} (organisers only).
 */
@NullMarked
package org.parcours.library.qa;

import org.jspecify.annotations.NullMarked;
