package org.parcours.registration.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.validate.ValidationResult;

/** Reads calendars the way a calendar program would: parsed by ical4j and validated (RFC 5545, and iTIP). */
public final class Ics {

    private final Calendar calendar;
    private final String text;

    private Ics(Calendar calendar, String text) {
        this.calendar = calendar;
        this.text = text;
    }

    /** Parses and validates; fails the test on any parse or validation error. */
    public static Ics parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        try {
            Calendar calendar = new CalendarBuilder().build(new StringReader(text));
            ValidationResult result = calendar.validate();
            assertThat(result.hasErrors())
                    .as("validation of\n%s\n%s", text, result)
                    .isFalse();
            return new Ics(calendar, text);
        } catch (IOException | ParserException e) {
            throw new AssertionError("not a calendar:\n" + text, e);
        }
    }

    /** The unfolded text, to search for values. */
    public String text() {
        return text.replace("\r\n ", "");
    }

    public String property(String name) {
        return calendar.getProperty(name).map(Property::getValue).orElse("");
    }

    public List<VEvent> events() {
        return calendar.getComponents("VEVENT");
    }

    public VEvent event() {
        assertThat(events()).hasSize(1);
        return events().getFirst();
    }

    public List<String> timeZoneIds() {
        return calendar.<VTimeZone>getComponents("VTIMEZONE").stream()
                .map(z -> z.getProperty(Property.TZID).map(Property::getValue).orElse(""))
                .toList();
    }

    public static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse("");
    }

    /** A parameter of a property, e.g. {@code TZID} of {@code DTSTART}. */
    public static String parameter(VEvent event, String property, String parameter) {
        return event.getProperty(property)
                .flatMap(p -> p.getParameter(parameter))
                .map(p -> ((net.fortuna.ical4j.model.Parameter) p).getValue())
                .orElse("");
    }
}
