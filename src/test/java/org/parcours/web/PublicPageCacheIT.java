package org.parcours.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.parcours.cycle.BrowserFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The page cache in the running application: reading data keeps cached pages, writing data empties the cache. */
@SpringBootTest
@AutoConfigureMockMvc
class PublicPageCacheIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    PublicPageCache cache;

    @Autowired
    ApplicationContext context;

    @Test
    void pagesThatLoadAggregatesAreKeptUntilDataIsWritten() throws Exception {
        var cycle = BrowserFixtures.publishedCycleWithSessions(context);

        // Rendering loads cycles through the repositories, which publishes (load) events: the page is still kept.
        MockHttpServletResponse first = mvc.perform(get("/")).andReturn().getResponse();
        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(first.getContentAsString()).contains(cycle.title());
        assertThat(cache.size()).isPositive();
        MockHttpServletResponse second = mvc.perform(get("/")).andReturn().getResponse();
        assertThat(second.getContentAsString()).isEqualTo(first.getContentAsString());
        assertThat(second.getHeader("ETag")).isNotBlank();

        // Saving anything through Spring Data JDBC empties the cache, so the new cycle appears at once.
        var another = BrowserFixtures.publishedCycleWithSessions(context);
        assertThat(cache.size()).isZero();
        assertThat(mvc.perform(get("/")).andReturn().getResponse().getContentAsString())
                .contains(another.title());
    }
}
