package org.parcours.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
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

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(routes -> routes
                        // static assets and health probes
                        .requestMatchers(HttpMethod.GET, "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/error")
                        .permitAll()
                        // public pages
                        .requestMatchers(HttpMethod.GET, "/", "/cycles/**", "/trainings/**")
                        .permitAll()
                        // sign-in and first-organiser setup
                        .requestMatchers("/login", "/setup/**")
                        .permitAll()
                        // participants (account): magic-link sign-in and sign-out for everyone; "my space" once
                        // signed in, whatever the role
                        .requestMatchers("/signin", "/signin/**", "/signout")
                        .permitAll()
                        .requestMatchers("/me", "/me/**")
                        .authenticated()
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
                        // organisers
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
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
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
