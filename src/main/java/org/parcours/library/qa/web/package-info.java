/**
 * HTTP side of the Q&A archive: the organisers' pages under {@code /admin/} (a session's questions, a question's
 * edit form, the chat-import review) — organisers only, by the security configuration's {@code /admin/**} rule and
 * {@code @PreAuthorize} — and the session page's section (template {@code library/qa/questions.jte}, rendered by the
 * cycle feature's session page).
 */
@NullMarked
package org.parcours.library.qa.web;

import org.jspecify.annotations.NullMarked;
