package org.parcours.library.search.web;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.parcours.library.search.SearchService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public results page, {@code GET /search?q=...[&kind=...][&page=n]}. Every input is accepted: what was typed
 * is searched as words (never as query syntax), an unknown kind or page number is ignored, so no query answers
 * with an error.
 */
@Controller
class SearchController {

    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    private final SearchService search;

    SearchController(SearchService search) {
        this.search = search;
    }

    @GetMapping("/search")
    String search(
            @RequestParam(name = "q", defaultValue = "") String typed,
            @RequestParam(name = "kind", defaultValue = "") String kind,
            @RequestParam(name = "page", defaultValue = "1") String page,
            Model model) {
        String query = SearchService.clean(typed);
        if (query.isEmpty()) {
            model.addAttribute("page", SearchPage.empty());
        } else {
            boolean shortened = typed.strip().length() > SearchService.MAX_QUERY_LENGTH;
            model.addAttribute(
                    "page", new SearchPage(query, shortened, search.search(query, kind(kind), number(page))));
        }
        return "search/search";
    }

    private static @Nullable String kind(String kind) {
        return KIND.matcher(kind).matches() ? kind : null;
    }

    private static int number(String page) {
        try {
            return Math.clamp(Integer.parseInt(page.strip()), 1, SearchService.MAX_PAGE);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
