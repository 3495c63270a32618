package org.parcours.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The cross-cutting web behaviour every feature relies on: headers, languages, errors, access rules. */
@SpringBootTest
@AutoConfigureMockMvc
class WebPlumbingIT {

    @Autowired
    MockMvc mvc;

    @Nested
    class SecurityHeaders {

        @Test
        void publicPagesCarryAStrictContentSecurityPolicy() throws Exception {
            mvc.perform(get("/"))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                    .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                    .andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
        }

        @Test
        void publicPagesOpenNoHttpSession() throws Exception {
            var result = mvc.perform(get("/")).andReturn();

            assertThat(result.getRequest().getSession(false)).isNull();
        }
    }

    @Nested
    class Languages {

        @Test
        void frenchByDefault() throws Exception {
            mvc.perform(get("/"))
                    .andExpect(content().string(containsString("<html lang=\"fr\">")))
                    .andExpect(content().string(containsString("Aller au contenu")));
        }

        @Test
        void honoursAcceptLanguage() throws Exception {
            mvc.perform(get("/").header("Accept-Language", "en-GB,en;q=0.8"))
                    .andExpect(content().string(containsString("<html lang=\"en\">")));
        }

        @Test
        void unsupportedAcceptLanguageFallsBackToFrench() throws Exception {
            mvc.perform(get("/").header("Accept-Language", "de-DE"))
                    .andExpect(content().string(containsString("<html lang=\"fr\">")));
        }

        @Test
        void switchIsRememberedInACookie() throws Exception {
            mvc.perform(get("/").param("lang", "en"))
                    .andExpect(content().string(containsString("Skip to content")))
                    .andExpect(cookie().value("parcours-lang", "en"));
            mvc.perform(get("/").cookie(new Cookie("parcours-lang", "en")))
                    .andExpect(content().string(containsString("<html lang=\"en\">")));
        }

        @Test
        void unknownLanguageIsIgnored() throws Exception {
            mvc.perform(get("/").param("lang", "xx"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("<html lang=\"fr\">")))
                    .andExpect(cookie().doesNotExist("parcours-lang"));
        }
    }

    @Nested
    class Errors {

        @Test
        void unknownUrlIsNotFound() throws Exception {
            // MockMvc does not forward to /error; ErrorPagesIT checks the rendered page on a real server.
            mvc.perform(get("/no/such/page")).andExpect(status().isNotFound());
        }

        @Test
        void unknownCycleIsNotFound() throws Exception {
            mvc.perform(get("/cycles/does-not-exist-anywhere")).andExpect(status().isNotFound());
        }

        @Test
        void postWithoutCsrfTokenIsRefused() throws Exception {
            mvc.perform(post("/admin/cycles")).andExpect(status().isForbidden());
        }
    }

    @Nested
    class AccessRules {

        @Test
        void adminPagesSendAnonymousVisitorsToSignIn() throws Exception {
            mvc.perform(get("/admin")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        }

        @Test
        void headIsAnsweredLikeGetOnPublicPagesOnly() throws Exception {
            String body = mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
            String cycle = body.replaceAll("(?s).*?href=\"(/cycles/[a-z0-9-]+)\".*", "$1");

            mvc.perform(head("/"))
                    .andExpect(status().isOk())
                    // the servlet container leaves the body out (MockMvc keeps it)
                    .andExpect(header().string("Content-Type", containsString("text/html")));
            mvc.perform(head(cycle)).andExpect(status().isOk());
            mvc.perform(head("/cycles/no-such-cycle")).andExpect(status().isNotFound());
            mvc.perform(head("/actuator/health/readiness")).andExpect(status().isOk());
            mvc.perform(head("/admin")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        }

        @Test
        void onlyHealthIsExposedFromActuator() throws Exception {
            mvc.perform(get("/actuator/health/readiness"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("UP"));
            mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
            mvc.perform(get("/actuator/env")).andExpect(status().isNotFound());
        }

        @Test
        void htmxIsServedByTheApplication() throws Exception {
            mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("htmx")));
        }
    }
}
