package org.parcours.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parcours.account.AccountErasure;
import org.parcours.account.AccountErasure.LastOrganiserException;
import org.parcours.account.AccountProfile;
import org.parcours.account.CurrentPerson;
import org.parcours.account.EmailAddresses;
import org.parcours.account.FirstOrganiserSetup.EmailTakenException;
import org.parcours.account.Person;
import org.parcours.account.PersonalDataExport;
import org.parcours.account.SessionSignIn;
import org.parcours.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * "My account" for whoever is signed in (all {@code /me/**} routes need authentication): change name, address and
 * language; download all personal data as JSON; delete the account. A session whose account is gone is signed out
 * and sent to the sign-in page.
 */
@Controller
@RequestMapping("/me/account")
class AccountController {

    private final CurrentPerson current;
    private final AccountProfile profile;
    private final AccountErasure erasure;
    private final PersonalDataExport export;
    private final SessionSignIn sessions;
    private final LocaleResolver localeResolver;
    private final MessageSource messages;
    private final Clock clock;

    AccountController(
            CurrentPerson current,
            AccountProfile profile,
            AccountErasure erasure,
            PersonalDataExport export,
            SessionSignIn sessions,
            LocaleResolver localeResolver,
            MessageSource messages,
            Clock clock) {
        this.current = current;
        this.profile = profile;
        this.erasure = erasure;
        this.export = export;
        this.sessions = sessions;
        this.localeResolver = localeResolver;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String show(
            @RequestParam(required = false) @Nullable String saved,
            Model model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        Person person = current.get().orElse(null);
        if (person == null) {
            return gone(request, response);
        }
        model.addAttribute("saved", saved != null);
        return page(model, AccountForm.of(person), FormErrors.none(), locale);
    }

    @PostMapping
    String save(
            @Valid @ModelAttribute AccountForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        Person person = current.get().orElse(null);
        if (person == null) {
            return gone(request, response);
        }
        EmailAddresses.check(form.email()).ifPresent(problem -> result.rejectValue("email", problem));
        if (!AccountProfile.LANGUAGES.contains(form.languageValue())) {
            result.rejectValue("language", "account.me.language.invalid");
        }
        if (!result.hasErrors()) {
            try {
                Person saved = profile.update(
                        person.id(),
                        new AccountProfile.Change(form.displayNameValue(), form.emailValue(), form.languageValue()));
                sessions.refresh(saved, request, response);
                localeResolver.setLocale(request, response, Locale.forLanguageTag(saved.locale()));
                return "redirect:/me/account?saved=1";
            } catch (EmailTakenException e) {
                result.rejectValue("email", "account.error.emailTaken");
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("saved", false);
        return page(model, form, FormErrors.of(result, AccountForm.class, "account.me.", messages, locale), locale);
    }

    @GetMapping("/export")
    ResponseEntity<byte[]> download(HttpServletRequest request, HttpServletResponse response) {
        Person person = current.get().orElse(null);
        if (person == null) {
            sessions.signOut(request, response);
            return ResponseEntity.status(HttpStatus.FOUND)
                    .header(HttpHeaders.LOCATION, "/signin")
                    .build();
        }
        String filename = "parcours-data-" + LocalDate.now(clock) + ".json";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .body(export.json(person.id()));
    }

    @GetMapping("/delete")
    String confirmDelete(Model model, HttpServletRequest request, HttpServletResponse response) {
        Person person = current.get().orElse(null);
        if (person == null) {
            return gone(request, response);
        }
        model.addAttribute("allowed", erasure.mayErase(person.id()));
        return "account/delete";
    }

    @PostMapping("/delete")
    String delete(Model model, HttpServletRequest request, HttpServletResponse response) {
        Person person = current.get().orElse(null);
        if (person == null) {
            return gone(request, response);
        }
        try {
            erasure.erase(person.id());
        } catch (LastOrganiserException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("allowed", false);
            return "account/delete";
        }
        sessions.signOut(request, response);
        return "account/deleted";
    }

    private String gone(HttpServletRequest request, HttpServletResponse response) {
        sessions.signOut(request, response);
        return "redirect:/signin";
    }

    private String page(Model model, AccountForm form, FormErrors errors, Locale locale) {
        Map<String, String> languages = new LinkedHashMap<>();
        for (String language : List.of("fr", "en")) {
            languages.put(language, messages.getMessage("account.me.language." + language, null, locale));
        }
        model.addAttribute("languages", languages);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "account/me-account";
    }
}
