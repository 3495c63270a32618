package org.parcours.live.web;

import org.parcours.live.LiveSettings;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the live stream servlet beside Spring MVC's dispatcher, with async support. */
@Configuration(proxyBeanMethods = false)
class LiveStreamConfig {

    @Bean
    ServletRegistrationBean<LiveStreamServlet> liveStreamServlet(
            LiveHubs hubs, LiveStreamAccess access, LiveSettings settings) {
        ServletRegistrationBean<LiveStreamServlet> registration = new ServletRegistrationBean<>(
                new LiveStreamServlet(hubs, access, settings), LiveStreamServlet.PATH + "*");
        registration.setAsyncSupported(true);
        registration.setName("liveStream");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
