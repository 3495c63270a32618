/**
 * Outbound e-mail for every feature: messages are rendered from JTE templates in the recipient's language
 * ({@code src/main/jte/mail/}, texts in {@code i18n/mail_*.properties}), stored in a database queue in the
 * caller's transaction, and delivered over SMTP by a background worker with retries and back-off. Without an
 * SMTP server the messages are kept (status {@code HELD}) and can be read in the organisers' Outbox.
 *
 * <p>Other features call {@link org.parcours.mail.MailService#queue(OutgoingMail)} only; the tables are private to
 * this package. The Outbox pages ({@code web} sub-package) read through {@link org.parcours.mail.Outbox}.
 */
@NullMarked
package org.parcours.mail;

import org.jspecify.annotations.NullMarked;
