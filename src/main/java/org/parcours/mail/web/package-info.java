/**
 * The organisers' Outbox: every queued e-mail with its status, content, links and attachments; "retry now" for
 * failed messages and a test message to check the SMTP settings. Every route needs the organiser role.
 */
@NullMarked
package org.parcours.mail.web;

import org.jspecify.annotations.NullMarked;
