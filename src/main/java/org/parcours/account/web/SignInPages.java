package org.parcours.account.web;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.parcours.account.SignInLinks.LinkStatus;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/** Models of the sign-in pages, shared by the handlers of {@link SignInController}. */
final class SignInPages {

    private SignInPages() {}

    static String form(
            Model model,
            String email,
            @Nullable String next,
            @Nullable String problem,
            boolean limited,
            boolean signedOut) {
        model.addAttribute("email", email);
        model.addAttribute("next", next);
        model.addAttribute("problem", problem);
        model.addAttribute("limited", limited);
        model.addAttribute("signedOut", signedOut);
        return "account/signin";
    }

    /** Used, expired or unknown link: a page that says which and offers a new one; 410 or 404. */
    static String unusable(Model model, HttpServletResponse response, LinkStatus status) {
        response.setStatus(status == LinkStatus.UNKNOWN ? HttpStatus.NOT_FOUND.value() : HttpStatus.GONE.value());
        model.addAttribute("reason", status.name().toLowerCase(java.util.Locale.ROOT));
        return "account/signin-unusable";
    }

    /** A page whose URL holds a token never sends it on in a Referer header. */
    static void noReferrer(HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
