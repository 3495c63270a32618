package org.parcours.registration.calendar;

import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;

/**
 * ical4j's zone definitions, plus a direct answer to "which zone does this TZID name" for the zones this writer has
 * looked up. Without it, writing each date with a TZID goes through ical4j's global look-up, which copies every zone
 * id of the JDK on each call: that was a sixth of the cost of a registration.
 */
final class WritingZoneRegistry implements TimeZoneRegistry {

    private final TimeZoneRegistry definitions =
            TimeZoneRegistryFactory.getInstance().createRegistry();
    private final Map<String, ZoneRules> known = new ConcurrentHashMap<>();

    @Override
    public TimeZone getTimeZone(String id) {
        TimeZone zone = definitions.getTimeZone(id);
        if (zone != null) {
            known.put(zone.getID(), ZoneId.of(zone.getID()).getRules());
        }
        return zone;
    }

    /** Never empty once a zone was looked up, so that ical4j asks {@link #getZoneId} instead of its global look-up. */
    @Override
    public Map<String, ZoneRules> getZoneRules() {
        return known;
    }

    @Override
    public ZoneId getZoneId(String tzId) {
        return known.containsKey(tzId) ? ZoneId.of(tzId) : TimeZoneRegistry.getGlobalZoneId(tzId);
    }

    @Override
    public String getTzId(String zoneId) {
        return definitions.getTzId(zoneId);
    }

    @Override
    public void register(TimeZone timezone) {
        definitions.register(timezone);
    }

    @Override
    public void register(TimeZone timezone, boolean update) {
        definitions.register(timezone, update);
    }

    @Override
    public void clear() {
        definitions.clear();
        known.clear();
    }
}
