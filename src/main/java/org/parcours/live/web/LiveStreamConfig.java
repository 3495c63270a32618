package org.parcours.live.web;

import org.parcours.live.LiveSettings;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
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

    /** Smaller response buffers for every connection (see {@link LiveStreamProtocol}). */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> liveStreamProtocol() {
        return factory -> factory.setProtocol(LiveStreamProtocol.class.getName());
    }

    /**
     * Smaller per-connection socket buffers (Tomcat's default is 8 KB each way, on the heap): every open live stream
     * keeps them for as long as it is connected, and they dominate a node's memory at thousands of streams. Pages
     * and posts are small; a larger body or response is simply read or written in more rounds.
     */
    @Bean
    TomcatConnectorCustomizer liveStreamSocketBuffers() {
        return connector -> {
            connector.setProperty("socket.appReadBufSize", "2048");
            connector.setProperty("socket.appWriteBufSize", "4096");
        };
    }
}
