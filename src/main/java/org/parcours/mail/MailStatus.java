package org.parcours.mail;

/** Where a queued message stands. Nothing leaves the table: SENT and FAILED rows stay visible in the Outbox. */
public enum MailStatus {
    /** Waiting for the worker (possibly for its next attempt after a failure). */
    QUEUED,
    /** Claimed by a worker until its lease ends; a lease that ran out means the worker died, and it is retried. */
    SENDING,
    /** Accepted by the SMTP server. */
    SENT,
    /** Given up after the last attempt or refused for good by the server; an organiser may queue it again. */
    FAILED,
    /** Kept, not sent: no SMTP server is configured. */
    HELD
}
