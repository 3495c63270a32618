package org.parcours.registration.calendar;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.time.zone.ZoneRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes RFC 5545 calendars with ical4j: one VTIMEZONE per time zone used (from the definitions bundled with
 * ical4j; a zone it does not know is written in UTC instead), DTSTART/DTEND with TZID, a stable UID, SEQUENCE,
 * SUMMARY, DESCRIPTION with the session page and the join links, URL and LOCATION (the link to join), and for
 * invitations ORGANIZER and ATTENDEE. Texts come from the {@code calendar} bundle in the reader's language.
 */
@Component
class CalendarWriter {

    static final Duration FEED_REFRESH = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(CalendarWriter.class);

    private final TimeZoneRegistry zones = new WritingZoneRegistry();
    private final Map<String, Optional<Zone>> timeZones = new ConcurrentHashMap<>();
    private final MessageSource messages;
    private final CalendarUrls urls;
    private final Clock clock;
    private final URI organizer;
    private final String organizerName;

    CalendarWriter(
            MessageSource messages,
            CalendarUrls urls,
            Clock clock,
            @Value("${parcours.mail.from:Parcours <no-reply@localhost>}") String from) {
        this.messages = messages;
        this.urls = urls;
        this.clock = clock;
        String address = "no-reply@localhost";
        String name = "Parcours";
        try {
            InternetAddress parsed = new InternetAddress(from, false);
            address = parsed.getAddress();
            if (parsed.getPersonal() != null && !parsed.getPersonal().isBlank()) {
                name = parsed.getPersonal();
            }
        } catch (AddressException e) {
            log.warn("parcours.mail.from is not an e-mail address; calendars name {} as organiser", address);
        }
        this.organizer = mailto(address);
        this.organizerName = name;
    }

    /**
     * @param method {@code null} for a feed (a plain calendar to subscribe to), otherwise the iTIP method of an
     *     invitation
     * @param name the calendar's name, shown by calendar programs for a feed
     */
    byte[] write(
            SessionCalendar.@Nullable Method method,
            @Nullable String name,
            Locale locale,
            List<CalendarEntry> entries) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Parcours//Parcours//" + locale.getLanguage().toUpperCase(Locale.ROOT)));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        if (method != null) {
            calendar.add(new Method(method.name()));
        }
        if (name != null) {
            calendar.add(new Name(name));
            calendar.add(new XProperty("X-WR-CALNAME", name));
            calendar.add(new RefreshInterval(
                    new ParameterList(List.of(net.fortuna.ical4j.model.parameter.Value.DURATION)), FEED_REFRESH));
            calendar.add(new XProperty("X-PUBLISHED-TTL", FEED_REFRESH.toString()));
        }
        Map<ZoneId, String> written = new LinkedHashMap<>();
        for (CalendarEntry entry : entries) {
            Optional<Zone> zone = zone(entry.session().timeZone());
            zone.ifPresent(z -> written.putIfAbsent(z.id(), z.definition()));
            calendar.add(event(entry, method, zone.map(Zone::id).orElse(null), locale));
        }
        String text = output(calendar);
        if (!written.isEmpty()) {
            // Each VTIMEZONE is written once per zone and kept as text: copying and writing ical4j's definition
            // for every calendar was the largest part of the cost of a registration. RFC 5545 lets a VTIMEZONE
            // stand anywhere among the components; they go before the first event, as ical4j would put them.
            int at = text.indexOf("BEGIN:VEVENT\r\n");
            text = text.substring(0, at) + String.join("", written.values()) + text.substring(at);
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String output(Calendar calendar) {
        StringWriter out = new StringWriter();
        try {
            // Validation belongs to the tests (which parse and validate every kind of calendar written here): a
            // validator's strictness must never stop a confirmation or a feed.
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new IllegalStateException("writing a calendar to memory failed", e);
        }
        return out.toString();
    }

    /** The VTIMEZONE component as the outputter writes it (folded, CRLF line ends). */
    private static String vtimezoneText(VTimeZone definition) {
        Calendar alone = new Calendar();
        alone.add(new ProdId("-//Parcours//Parcours//EN"));
        alone.add(ImmutableVersion.VERSION_2_0);
        alone.add(definition);
        String text = output(alone);
        int start = text.indexOf("BEGIN:VTIMEZONE\r\n");
        String end = "END:VTIMEZONE\r\n";
        return text.substring(start, text.indexOf(end, start) + end.length());
    }

    private VEvent event(
            CalendarEntry entry, SessionCalendar.@Nullable Method method, @Nullable ZoneId zone, Locale locale) {
        var session = entry.session();
        Temporal start = zone != null
                ? session.start().withZoneSameInstant(zone)
                : session.startsAt().toInstant();
        Temporal end = zone != null
                ? session.end().withZoneSameInstant(zone)
                : session.end().toInstant();
        VEvent event = new VEvent(start, end, session.title());
        if (zone != null) {
            // Without a registry that knows the zone, writing a date with a TZID is slow (see WritingZoneRegistry).
            for (String name : List.of(Property.DTSTART, Property.DTEND)) {
                event.getProperty(name)
                        .filter(DateProperty.class::isInstance)
                        .ifPresent(p -> ((DateProperty<?>) p).setTimeZoneRegistry(zones));
            }
        }
        event.replace(new DtStamp(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        event.add(new Uid(entry.uid()));
        event.add(new Sequence(entry.sequence()));
        event.add(new LastModified(session.updatedAt().toInstant().truncatedTo(ChronoUnit.SECONDS)));
        String page = urls.absolute(urls.sessionPagePath(entry.cycle(), session));
        event.add(new Url(URI.create(page)));
        String join = entry.conferenceUrl() != null
                ? entry.conferenceUrl()
                : entry.streamUrl() != null ? entry.streamUrl() : page;
        event.add(new Location(join));
        event.add(new Description(description(entry, page, locale)));
        event.add(new Status(entry.cancelled() ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
        if (method != null) {
            Organizer organizer = new Organizer(this.organizer);
            organizer.add(new Cn(parameterText(organizerName)));
            event.add(organizer);
            CalendarEntry.Invitee invitee = entry.attendee();
            if (invitee != null) {
                Attendee attendee = new Attendee(mailto(invitee.email()));
                attendee.add(new Cn(parameterText(invitee.name())));
                attendee.add(Role.REQ_PARTICIPANT);
                // They registered: the invitation records their yes, and asks for no reply.
                attendee.add(PartStat.ACCEPTED);
                attendee.add(Rsvp.FALSE);
                event.add(attendee);
            }
        }
        return event;
    }

    private String description(CalendarEntry entry, String page, Locale locale) {
        StringBuilder text = new StringBuilder();
        if (entry.cancelled()) {
            text.append(message("calendar.cancelled", locale)).append("\n\n");
        }
        text.append(message("calendar.cycle", locale, entry.cycle().title())).append('\n');
        if (!entry.session().summary().isBlank()) {
            text.append(entry.session().summary().strip()).append('\n');
        }
        text.append('\n').append(message("calendar.page", locale, page)).append('\n');
        if (entry.conferenceUrl() != null) {
            text.append(message("calendar.conference", locale, entry.conferenceUrl()))
                    .append('\n');
        }
        if (entry.streamUrl() != null) {
            text.append(message("calendar.stream", locale, entry.streamUrl())).append('\n');
        }
        if (entry.conferenceUrl() == null && entry.streamUrl() == null) {
            text.append(message("calendar.linksLater", locale)).append('\n');
        }
        return text.toString().strip();
    }

    /** A time zone as written: its VTIMEZONE (as text) and the zone id its TZID names. */
    private record Zone(ZoneId id, String definition) {}

    /**
     * The definition of a session's zone. ical4j files some zones under their canonical name (America/Montreal
     * under America/Toronto, UTC under Etc/UTC); events then name that zone, so that every TZID matches a VTIMEZONE.
     * UTC-like zones and zones ical4j does not know are written as UTC times, with no VTIMEZONE.
     */
    private Optional<Zone> zone(String zoneId) {
        return timeZones.computeIfAbsent(zoneId, id -> {
            try {
                ZoneRules rules = ZoneId.of(id).getRules();
                if (rules.isFixedOffset() && rules.getOffset(Instant.EPOCH).getTotalSeconds() == 0) {
                    return Optional.empty();
                }
                TimeZone zone = zones.getTimeZone(id);
                if (zone == null) {
                    log.warn("No calendar time zone definition for {}; events are written in UTC", id);
                    return Optional.empty();
                }
                VTimeZone definition = zone.getVTimeZone();
                String tzid = definition
                        .getProperty(Property.TZID)
                        .map(Property::getValue)
                        .orElse(id);
                return Optional.of(new Zone(ZoneId.of(tzid), vtimezoneText(definition)));
            } catch (RuntimeException e) {
                log.warn("No calendar time zone definition for {}; events are written in UTC", id);
                return Optional.empty();
            }
        });
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** Parameter values cannot hold double quotes or control characters. */
    private static String parameterText(String value) {
        String clean =
                value.replaceAll("[\\p{Cntrl}\"]+", " ").replaceAll("\\s+", " ").strip();
        return clean.isEmpty() ? "-" : clean;
    }

    private static URI mailto(String address) {
        try {
            return new URI("mailto", address, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not an address for a calendar: " + address, e);
        }
    }
}
