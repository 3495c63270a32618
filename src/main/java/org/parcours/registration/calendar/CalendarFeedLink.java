package org.parcours.registration.calendar;

/**
 * A person's feed link, to show in their space.
 *
 * @param url the {@code https} address (to paste into a calendar program's "subscribe by URL")
 * @param webcal the same as {@code webcal://}, which calendar programs open as a subscription
 */
public record CalendarFeedLink(String url, String webcal) {}
