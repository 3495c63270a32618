package org.parcours.account.web;

import org.jspecify.annotations.Nullable;
import org.parcours.account.Role;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organisers' sign-in page. Spring Security's form login handles {@code POST /login} (fields {@code email}
 * and {@code password}) and {@code POST /logout}; this only renders the form and its messages.
 */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(
            @Nullable Authentication signedIn,
            @RequestParam(required = false) @Nullable String error,
            @RequestParam(required = false) @Nullable String logout,
            Model model) {
        if (signedIn != null
                && signedIn.getAuthorities().stream()
                        .anyMatch(a -> Role.ORGANISER.authority().equals(a.getAuthority()))) {
            return "redirect:/admin";
        }
        model.addAttribute("failed", error != null);
        model.addAttribute("loggedOut", logout != null);
        return "account/login";
    }
}
