package org.parcours.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parcours.live.LiveSettings;
import org.parcours.media.MediaSettings;
import org.parcours.media.web.MediaUploadGuard;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Every route family has an explicit rule here; anything not listed is denied (and answered with the 404 page,
 * so unknown URLs do not reveal what exists). Admin routes need the organiser role. CSRF protection is on for
 * every state change, htmx requests included (they send the token in a header, see {@link Ui#htmxCsrfHeaders()}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

    static final String ORGANISER = "ORGANISER";

    /** No inline script or style anywhere: templates load static files only. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; media-src 'self'; "
            + "frame-src 'self' https://www.youtube-nocookie.com https://player.vimeo.com; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * media: reading files under /media/ (GET and HEAD only) goes through a shorter chain, as a replay is fetched as
     * hundreds of range requests: nothing changes state (no CSRF token, no saved request), the signed-in organiser
     * is still known (they may read drafts' files), headers are the same. The controller checks publication.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain mediaFiles(HttpSecurity http, MediaSettings media, LiveSettings live) throws Exception {
        http.securityMatcher(reads("/media/**"))
                .authorizeHttpRequests(routes -> routes.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(csp(media, live)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    /**
     * media: embeds from the PeerTube instances listed in parcours.media.peertube-hosts. live: HLS streams from the
     * hosts listed in parcours.live.hls-hosts, played natively (media-src) or by hls.js (connect-src for the
     * playlists and segments, blob: for the media source it attaches); unchanged when none is listed.
     */
    static String csp(MediaSettings media, LiveSettings live) {
        String policy = CONTENT_SECURITY_POLICY.replace(
                "https://player.vimeo.com;", "https://player.vimeo.com" + media.extraFrameSources() + ";");
        if (live.hlsHosts().isEmpty()) {
            return policy;
        }
        return policy.replace("connect-src 'self';", "connect-src 'self'" + live.hlsSources() + ";")
                .replace("media-src 'self';", "media-src 'self' blob:" + live.hlsSources() + ";");
    }

    @Bean
    SecurityFilterChain filterChain(
            HttpSecurity http, MediaSettings media, LiveSettings live, MediaUploadGuard mediaUploadGuard)
            throws Exception {
        http.authorizeHttpRequests(routes -> routes
                        // static assets and health probes
                        .requestMatchers(reads("/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico"))
                        .permitAll()
                        .requestMatchers(reads("/actuator/health", "/actuator/health/**"))
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        // public pages (library: with the bibliography exports of published cycles,
                        // /cycles/*/references.{bib,ris,json} and /cycles/*/sessions/*/references.{bib,ris,json})
                        .requestMatchers(reads("/", "/cycles/**", "/trainings/**"))
                        .permitAll()
                        // library.search: the results page
                        .requestMatchers(reads("/search"))
                        .permitAll()
                        // media: GET and HEAD /media/** have their own chain (mediaFiles above); nothing else there
                        // sign-in and first-organiser setup
                        .requestMatchers("/login", "/setup/**")
                        .permitAll()
                        // registration
                        .requestMatchers(HttpMethod.POST, "/cycles/*/register")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/registrations/cancel/*")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/registrations/cancel/*")
                        .permitAll()
                        // participants (account): magic-link sign-in and sign-out for everyone; "my space" once
                        // signed in, whatever the role
                        .requestMatchers("/signin", "/signin/**", "/signout")
                        .permitAll()
                        .requestMatchers("/me", "/me/**")
                        .authenticated()
                        // calendars: feeds are opened by calendar programs, which cannot sign in (the personal
                        // feed is protected by its secret token); a new feed link is for a signed-in person
                        .requestMatchers(reads("/calendar/**"))
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/calendar/reset")
                        .authenticated()
                        // training applications: the public form posts here (CSRF, rate limited)
                        .requestMatchers(HttpMethod.POST, "/trainings/*/apply")
                        .permitAll()
                        // live room: the live page itself is a public page (/cycles/**); its stream and plain
                        // page are public too. Posting is open at this level (CSRF-protected like every POST): the
                        // live services accept signed-in people, and guests with a nickname only where the room's
                        // organisers allow them. Moderation is under /admin/live/**.
                        .requestMatchers(HttpMethod.GET, "/live/stream/*", "/live/*/plain", "/live/*/presenter")
                        .permitAll()
                        .requestMatchers(
                                HttpMethod.POST,
                                "/live/*/join",
                                "/live/*/questions",
                                "/live/*/questions/*/vote",
                                "/live/*/chat",
                                "/live/*/polls/*/answer",
                                "/live/*/takeaways")
                        .permitAll()
                        // organisers (library: bibliographies under /admin/{sessions,cycles}/*/references and
                        // /admin/references/*)
                        .requestMatchers("/admin", "/admin/**")
                        .hasRole(ORGANISER)
                        .anyRequest()
                        .denyAll())
                .formLogin(form -> form.loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .defaultSuccessUrl("/admin", false))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .csrf(Customizer.withDefaults())
                // media: large multipart bodies only for organisers' media uploads, refused before CSRF reads them
                .addFilterBefore(mediaUploadGuard, CsrfFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint()))
                // media: embeds from listed PeerTube instances; live: streams from listed HLS hosts
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(csp(media, live)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    /**
     * Reading a path: GET, and HEAD (link checkers, monitors, crawlers), which Spring MVC answers from the GET handler
     * without the body. Public reads are permitted for both, so a HEAD is never refused where the GET is allowed.
     */
    private static RequestMatcher reads(String... patterns) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        List<RequestMatcher> matchers = new ArrayList<>();
        for (String pattern : patterns) {
            matchers.add(paths.matcher(HttpMethod.GET, pattern));
            matchers.add(paths.matcher(HttpMethod.HEAD, pattern));
        }
        return new OrRequestMatcher(matchers);
    }

    /** Admin pages send visitors to the sign-in page; any other denied URL looks like it does not exist. */
    private static AuthenticationEntryPoint entryPoint() {
        var entryPoints = new LinkedHashMap<RequestMatcher, AuthenticationEntryPoint>();
        entryPoints.put(
                PathPatternRequestMatcher.withDefaults().matcher("/admin/**"),
                new LoginUrlAuthenticationEntryPoint("/login"));
        entryPoints.put(
                PathPatternRequestMatcher.withDefaults().matcher("/admin"),
                new LoginUrlAuthenticationEntryPoint("/login"));
        // participants (account): "my space" sends visitors to the magic-link sign-in, then back
        entryPoints.put(PathPatternRequestMatcher.withDefaults().matcher("/me"), SecurityConfig::toSignIn);
        entryPoints.put(PathPatternRequestMatcher.withDefaults().matcher("/me/**"), SecurityConfig::toSignIn);
        var delegating = new DelegatingAuthenticationEntryPoint(entryPoints);
        delegating.setDefaultEntryPoint((request, response, e) -> response.sendError(HttpServletResponse.SC_NOT_FOUND));
        return delegating;
    }

    /** Redirects to {@code /signin?continue=<this path>} (a GET's path only; the sign-in checks it again). */
    private static void toSignIn(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String path = request.getRequestURI();
        String target = HttpMethod.GET.matches(request.getMethod())
                ? "/signin?continue=" + URLEncoder.encode(path, StandardCharsets.UTF_8)
                : "/signin";
        response.sendRedirect(target);
    }

    /**
     * New passwords are hashed with Argon2id (memory-hard; Spring Security's 5.8 defaults: 16 MiB, 2 iterations);
     * bcrypt hashes are still accepted. The {@code {id}} prefix in the stored hash says which one was used, and
     * no plain-text or legacy encoder is accepted.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        String argon2 = "argon2@SpringSecurity_v5_8";
        return new DelegatingPasswordEncoder(
                argon2,
                Map.of(
                        argon2,
                        Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                        "bcrypt",
                        new BCryptPasswordEncoder()));
    }
}
