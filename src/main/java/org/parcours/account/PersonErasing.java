package org.parcours.account;

/**
 * Published synchronously, inside the erasing transaction, just before a person's personal data is erased: other
 * features release what the person holds (seats, subscriptions) while the row still exists.
 */
public record PersonErasing(long personId) {}
