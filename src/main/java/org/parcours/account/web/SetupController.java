package org.parcours.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Locale;
import java.util.Objects;
import org.parcours.account.FirstOrganiserSetup;
import org.parcours.account.FirstOrganiserSetup.EmailTakenException;
import org.parcours.account.FirstOrganiserSetup.LinkInvalidException;
import org.parcours.account.FirstOrganiserSetup.NewOrganiser;
import org.parcours.account.OrganiserSignIn;
import org.parcours.account.Person;
import org.parcours.web.FormErrors;
import org.parcours.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The page behind the single-use setup link printed in the log: the first organiser chooses their name, e-mail
 * and password, is signed in and lands in the admin. Open to everyone, but an unknown, used or replaced link is a
 * 404, and so is any link once an organiser exists.
 */
@Controller
@RequestMapping("/setup/{token}")
class SetupController {

    private final FirstOrganiserSetup setup;
    private final OrganiserSignIn signIn;
    private final MessageSource messages;

    SetupController(FirstOrganiserSetup setup, OrganiserSignIn signIn, MessageSource messages) {
        this.setup = setup;
        this.signIn = signIn;
        this.messages = messages;
    }

    @GetMapping
    String form(@PathVariable String token, Model model) {
        if (!setup.isUsable(token)) {
            throw new NotFoundException();
        }
        return page(token, SetupForm.empty(), FormErrors.none(), model);
    }

    @PostMapping
    String create(
            @PathVariable String token,
            @Valid @ModelAttribute SetupForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (!setup.isUsable(token)) {
            throw new NotFoundException();
        }
        if (!result.hasFieldErrors("password") && !Objects.equals(form.password(), form.passwordConfirmation())) {
            result.rejectValue("passwordConfirmation", "account.error.passwordMismatch");
        }
        if (!result.hasErrors()) {
            try {
                Person organiser = setup.createFirstOrganiser(
                        token,
                        new NewOrganiser(
                                form.displayNameValue(),
                                form.emailValue(),
                                Objects.requireNonNull(form.password()),
                                locale.getLanguage()));
                signIn.signIn(organiser, request, response);
                return "redirect:/admin";
            } catch (LinkInvalidException e) {
                throw new NotFoundException();
            } catch (EmailTakenException e) {
                result.rejectValue("email", "account.error.emailTaken");
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        FormErrors errors = FormErrors.of(result, SetupForm.class, "account.setup.", messages, locale);
        return page(token, form, errors, model);
    }

    private static String page(String token, SetupForm form, FormErrors errors, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "account/setup";
    }
}
