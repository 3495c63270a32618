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

    static final int SOCKET_READ_BUFFER = 2048;
    static final int SOCKET_WRITE_BUFFER = 16 * 1024;

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
     * Per-connection socket buffers outside the heap, sized for pages. Tomcat gives every connection a read and a
     * write buffer for as long as it is open, on the heap by default (8 KB each way): with thousands of live streams
     * open they dominated a node's heap. They are now direct buffers (native memory, which also spares the JDK a copy
     * into a temporary direct buffer on every socket write): 2 KB to read (requests are small; a larger body is read
     * in more rounds) and 16 KB to write, so a whole rendered page (about 11 KB) leaves in one write. With a 4 KB
     * write buffer a page took three writes, and the page benchmark served 40 % fewer pages per second
     * (docs/benchmarks.md, "Pages"). Cost: 18 KB of native memory per open connection (90 MB at 5,000 streams).
     */
    @Bean
    TomcatConnectorCustomizer liveStreamSocketBuffers() {
        return connector -> {
            connector.setProperty("socket.directBuffer", "true");
            connector.setProperty("socket.appReadBufSize", String.valueOf(SOCKET_READ_BUFFER));
            connector.setProperty("socket.appWriteBufSize", String.valueOf(SOCKET_WRITE_BUFFER));
        };
    }
}
