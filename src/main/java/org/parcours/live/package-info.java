/**
 * The live room of a session: questions with votes and moderation, chat, polls, the agenda's current segment,
 * "what I take away", presence and attendance, and the numbered event log behind the live stream (pruned once a
 * room has been closed for a day, see {@link org.parcours.live.LiveSettings#pruneAfter()}).
 *
 * <p>Every change is written in one transaction together with its event (numbered by the room's {@code last_seq},
 * so the database orders a room's events across nodes) and published on the {@link org.parcours.live.LiveBus}
 * only after the commit: nothing is broadcast that is not persisted. The HTTP side (pages, the SSE stream, the
 * per-room hubs that render each event once and fan it out) is in {@code live.web}.
 *
 * <p>Other features may call the public services ({@link org.parcours.live.QuestionService} for the archive,
 * {@link org.parcours.live.TakeawayService} for the learning journal, {@link org.parcours.live.LivePresence#attendees}
 * for attestations) and provide a {@link org.parcours.live.SeatLookup}.
 */
@NullMarked
package org.parcours.live;

import org.jspecify.annotations.NullMarked;
