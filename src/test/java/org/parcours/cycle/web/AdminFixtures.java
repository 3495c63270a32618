package org.parcours.cycle.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Creates admin data the way an organiser does, through the forms; slugs are unique so tests can share a database. */
final class AdminFixtures {

    private final MockMvc mvc;

    AdminFixtures(MockMvc mvc) {
        this.mvc = mvc;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The cycle form, filled in; {@code overrides} are field/value pairs that replace the defaults. */
    static MockHttpServletRequestBuilder cycleForm(String path, String title, String slug, String... overrides) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("slug", slug);
        fields.put("summary", "A path in five sessions.");
        fields.put("description", "Some *Markdown*.");
        fields.put("language", "fr");
        fields.put("timeZone", "Europe/Paris");
        return form(path, fields, overrides);
    }

    static MockHttpServletRequestBuilder sessionForm(
            String path, String title, String slug, String startsAt, String... overrides) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("slug", slug);
        fields.put("startsAt", startsAt);
        fields.put("timeZone", "Europe/Paris");
        fields.put("durationMinutes", "60");
        fields.put("summary", "");
        fields.put("description", "");
        fields.put("livestreamUrl", "");
        fields.put("conferenceUrl", "https://visio.example.org/room");
        fields.put("seatCap", "100");
        return form(path, fields, overrides);
    }

    static MockHttpServletRequestBuilder form(String path, Map<String, String> fields, String... overrides) {
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        MockHttpServletRequestBuilder request = post(path).with(csrf());
        fields.forEach(request::param);
        return request;
    }

    /** A new draft cycle; returns its id. */
    long cycle(String slug) throws Exception {
        return idFromRedirect(mvc.perform(cycleForm("/admin/cycles", "Cycle " + slug, slug)));
    }

    /** A new session at the end of the cycle's path; returns its id. */
    long session(long cycleId, String slug, String startsAt) throws Exception {
        return idFromRedirect(
                mvc.perform(sessionForm("/admin/cycles/" + cycleId + "/sessions", "Session " + slug, slug, startsAt)));
    }

    static long idFromRedirect(ResultActions result) throws Exception {
        String location = Objects.requireNonNull(result.andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl());
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1).replaceAll("#.*", ""));
    }

    static Document html(ResultActions result) throws Exception {
        return Jsoup.parse(result.andReturn().getResponse().getContentAsString());
    }
}
