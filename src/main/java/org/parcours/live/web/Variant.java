package org.parcours.live.web;

/**
 * One way of showing a room's events: in French or English, to participants or to organisers (with moderation
 * controls and pending questions). Each event is rendered once per variant that has subscribers.
 */
record Variant(String lang, boolean moderator) {

    static Variant of(String lang, boolean moderator) {
        return new Variant("en".equals(lang) ? "en" : "fr", moderator);
    }
}
