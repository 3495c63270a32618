package org.parcours.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.parcours.account.EmailAddresses;
import org.parcours.account.Person;
import org.parcours.account.SessionSignIn;
import org.parcours.account.SignInLinks;
import org.parcours.account.SignInLinks.LinkCheck;
import org.parcours.account.SignInLinks.LinkStatus;
import org.parcours.account.SignInLinks.Redemption;
import org.parcours.web.RateLimiter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Magic-link sign-in for everyone (participants and organisers): ask for a link by e-mail, open it, be signed in.
 * Open to all. The answer to a request never tells whether the address is known. Opening a link with a GET signs
 * in at once only in the browser that asked for it; anywhere else (another device, a mail scanner) it shows a
 * button that POSTs, so a GET alone never uses a link up in a browser that did not ask for it.
 */
@Controller
class SignInController {

    private final SignInLinks links;
    private final SessionSignIn sessions;
    private final SignInBrowser browser;
    private final RateLimiter rateLimiter;
    private final LocaleResolver localeResolver;

    SignInController(
            SignInLinks links,
            SessionSignIn sessions,
            SignInBrowser browser,
            RateLimiter rateLimiter,
            LocaleResolver localeResolver) {
        this.links = links;
        this.sessions = sessions;
        this.browser = browser;
        this.rateLimiter = rateLimiter;
        this.localeResolver = localeResolver;
    }

    @GetMapping("/signin")
    String form(
            @RequestParam(name = "continue", required = false) @Nullable String next,
            @RequestParam(name = "signedout", required = false) @Nullable String signedOut,
            Model model) {
        return SignInPages.form(model, "", ContinuePath.safe(next), null, false, signedOut != null);
    }

    @PostMapping("/signin")
    String send(
            @RequestParam(required = false) @Nullable String email,
            @RequestParam(name = "continue", required = false) @Nullable String next,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        String address = email == null ? "" : email.strip();
        // Echoed back into the form at most this long; longer input is refused below anyway.
        String shown = address.length() > 320 ? address.substring(0, 320) : address;
        String safeNext = ContinuePath.safe(next);
        Optional<String> problem = EmailAddresses.check(address).filter(p -> !EmailAddresses.DISPOSABLE.equals(p));
        if (problem.isPresent()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return SignInPages.form(model, shown, safeNext, problem.get(), false, false);
        }
        if (!rateLimiter.allow("sign-in", "ip:" + request.getRemoteAddr(), "email:" + Person.normaliseEmail(address))) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return SignInPages.form(model, address, safeNext, null, true, false);
        }
        links.send(address, browser.readOrCreate(request, response), safeNext);
        model.addAttribute("email", address);
        model.addAttribute("minutes", links.validity().toMinutes());
        return "account/signin-sent";
    }

    @GetMapping("/signin/{token}")
    String open(
            @PathVariable String token,
            @RequestParam(name = "continue", required = false) @Nullable String next,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        SignInPages.noReferrer(response);
        LinkCheck check = links.inspect(token, browser.read(request));
        if (check.status() != LinkStatus.VALID) {
            return SignInPages.unusable(model, response, check.status());
        }
        if (check.sameBrowser()) {
            return redeem(token, next, request, response, model);
        }
        model.addAttribute("token", token);
        model.addAttribute("next", ContinuePath.safe(next));
        return "account/signin-confirm";
    }

    @PostMapping("/signin/{token}")
    String confirm(
            @PathVariable String token,
            @RequestParam(name = "continue", required = false) @Nullable String next,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        SignInPages.noReferrer(response);
        return redeem(token, next, request, response, model);
    }

    @PostMapping("/signout")
    String signOut(HttpServletRequest request, HttpServletResponse response) {
        sessions.signOut(request, response);
        return "redirect:/signin?signedout=1";
    }

    private String redeem(
            String token,
            @Nullable String next,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Redemption redemption = links.redeem(token);
        Person person = redemption.person();
        if (person == null) {
            return SignInPages.unusable(model, response, redemption.status());
        }
        sessions.signIn(person, request, response);
        localeResolver.setLocale(request, response, Locale.forLanguageTag(person.locale()));
        return "redirect:" + ContinuePath.orDefault(next);
    }
}
