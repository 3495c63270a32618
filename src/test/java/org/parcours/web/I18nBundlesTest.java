package org.parcours.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every user-facing string lives in the message bundles, in French and in English: each
 * {@code i18n/<feature>_fr.properties} has an {@code _en} twin with the same keys and no empty value, every key
 * the code asks for exists, and templates contain no hard-coded human text.
 */
class I18nBundlesTest {

    static final Path BUNDLES = Path.of("src/main/resources/i18n");
    static final Path TEMPLATES = Path.of("src/main/jte");
    static final Path JAVA = Path.of("src/main/java");
    static final Path APPLICATION_PROPERTIES = Path.of("src/main/resources/application.properties");

    /** {@code ui.localize("key")}, {@code ui.text("key", …)}, {@code getMessage("key", …)} with a literal key. */
    static final Pattern KEY_USE =
            Pattern.compile("(?:\\bui\\.(?:localize|text)|\\bgetMessage)\\(\\s*\"([^\"\\\\]+)\"\\s*[,)]");

    static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    @Test
    void everyFrenchBundleHasAnEnglishTwinWithTheSameKeysAndNoEmptyValue() {
        Map<String, Map<String, Properties>> features = bundlesByFeature();
        assertThat(features).as("message bundles in %s", BUNDLES).isNotEmpty();
        List<String> problems = new ArrayList<>();
        features.forEach((feature, languages) -> {
            Properties fr = languages.get("fr");
            Properties en = languages.get("en");
            if (fr == null || en == null) {
                problems.add(feature + ": needs both " + feature + "_fr.properties and " + feature + "_en.properties");
                return;
            }
            difference(fr, en).forEach(key -> problems.add(feature + "_en.properties lacks " + key));
            difference(en, fr).forEach(key -> problems.add(feature + "_fr.properties lacks " + key));
            languages.forEach((language, messages) -> messages.stringPropertyNames().stream()
                    .filter(key -> messages.getProperty(key).isBlank())
                    .sorted()
                    .forEach(key -> problems.add(feature + "_" + language + ".properties: empty value for " + key)));
            for (String key : new TreeSet<>(fr.stringPropertyNames())) {
                if (en.containsKey(key)
                        && !placeholders(fr.getProperty(key)).equals(placeholders(en.getProperty(key)))) {
                    problems.add(feature + ": " + key + " has different {n} arguments in French and English");
                }
            }
        });
        assertThat(problems).as("message bundle problems").isEmpty();
    }

    @Test
    void messagesWithArgumentsDoubleTheirStraightApostrophes() {
        // With arguments, MessageFormat treats a single ' as a quote and silently drops text; write ’ or ''.
        List<String> problems = new ArrayList<>();
        bundlesByFeature()
                .forEach((feature, languages) -> languages.forEach((language, messages) -> {
                    for (String key : new TreeSet<>(messages.stringPropertyNames())) {
                        String value = messages.getProperty(key);
                        if (!placeholders(value).isEmpty()
                                && value.replace("''", "").contains("'")) {
                            problems.add(feature + "_" + language + ".properties: " + key + " = " + value);
                        }
                    }
                }));
        assertThat(problems).as("messages with {n} arguments and a single '").isEmpty();
    }

    @Test
    void everyBundleIsRegisteredWithTheMessageSource() throws IOException {
        Properties application = new Properties();
        try (Reader reader = Files.newBufferedReader(APPLICATION_PROPERTIES, StandardCharsets.UTF_8)) {
            application.load(reader);
        }
        Set<String> basenames = Arrays.stream(
                        application.getProperty("spring.messages.basename", "").split(","))
                .map(String::strip)
                .collect(Collectors.toSet());
        assertThat(bundlesByFeature().keySet())
                .allSatisfy(feature -> assertThat(basenames)
                        .as("spring.messages.basename in %s", APPLICATION_PROPERTIES)
                        .contains("i18n/" + feature));
    }

    @Test
    void everyKeyUsedInTemplatesAndCodeExists() {
        Set<String> known = new TreeSet<>();
        bundlesByFeature()
                .values()
                .forEach(languages -> languages.values().forEach(p -> known.addAll(p.stringPropertyNames())));
        Map<String, Set<String>> missing = new TreeMap<>();
        Stream.concat(files(TEMPLATES, ".jte").stream(), files(JAVA, ".java").stream())
                .forEach(file -> {
                    Matcher matcher = KEY_USE.matcher(read(file));
                    while (matcher.find()) {
                        if (!known.contains(matcher.group(1))) {
                            missing.computeIfAbsent(file.toString(), f -> new TreeSet<>())
                                    .add(matcher.group(1));
                        }
                    }
                });
        assertThat(missing).as("message keys used but in no bundle").isEmpty();
    }

    @Test
    void templatesHoldNoHardCodedText() {
        List<Path> templates = files(TEMPLATES, ".jte");
        assertThat(templates).isNotEmpty();
        Map<String, List<String>> found = new TreeMap<>();
        for (Path template : templates) {
            List<String> texts = HardCodedText.find(read(template));
            if (!texts.isEmpty()) {
                found.put(template.toString(), texts);
            }
        }
        assertThat(found)
                .as("human text written into templates; put it in a message bundle and use ${ui.localize(\"key\")}")
                .isEmpty();
    }

    @Nested
    class TheHardCodedTextCheck {

        @Test
        void catchesTextInElementsAndHumanReadableAttributes() {
            assertThat(HardCodedText.find("<p>Bonjour</p>")).containsExactly("Bonjour");
            assertThat(HardCodedText.find("<a href=\"/\" title=\"Accueil\">${ui.localize(\"home\")}</a>"))
                    .containsExactly("title=\"Accueil\"");
            assertThat(HardCodedText.find("<img src=\"/a.png\" alt=\"Logo\">")).containsExactly("alt=\"Logo\"");
            assertThat(HardCodedText.find("<input placeholder=\"Votre nom\" aria-label=\"${ui.text(\"x\")}\">"))
                    .containsExactly("placeholder=\"Votre nom\"");
        }

        @Test
        void looksInsideControlFlowAndContentBlocks() {
            assertThat(HardCodedText.find("<i>@if(a)<b>${y}</b>@else${x}@endif</i>"))
                    .isEmpty();
            assertThat(HardCodedText.find("@if(cycle.title().equals(\"a)\"))<b>Oui</b>@else<b>${x}</b>@endif"))
                    .containsExactly("Oui");
            assertThat(HardCodedText.find(
                            "@template.layout.page(ui = ui, title = ui.text(\"t\"), content = @`\n<h1>Titre</h1>\n`)"))
                    .containsExactly("Titre");
            assertThat(HardCodedText.find("@for(var s : list)<li>${s.title()} minutes</li>@endfor"))
                    .containsExactly("minutes");
            assertThat(HardCodedText.find("<ul>@template.admin.key-points(ui = ui, form = page.form())</ul>"))
                    .isEmpty();
        }

        @Test
        void acceptsExpressionsTheBrandLanguageNamesNumbersAndPunctuation() {
            assertThat(HardCodedText.find("""
                    @import org.parcours.web.Ui
                    @param Ui ui
                    <%-- a comment with words --%>
                    <title>${title} · Parcours</title>
                    <p>${ui.localize("a")} — ${ui.text("b", 3)} : 2020 ›</p>
                    <span aria-current="true">FR</span> <a href="?lang=en" title="English">EN</a>
                    <a href="?lang=fr" title="Français">FR</a>
                    <script src="/js/app.js"></script>
                    !{var label = "texte dans du code";}
                    <p>${label}</p>
                    <a href="mailto:contact@example.org">${ui.localize("mail")}</a>
                    """)).isEmpty();
        }
    }

    private static Map<String, Map<String, Properties>> bundlesByFeature() {
        Map<String, Map<String, Properties>> features = new TreeMap<>();
        Pattern name = Pattern.compile("(.+)_([a-z]{2})\\.properties");
        for (Path file : files(BUNDLES, ".properties")) {
            Matcher matcher = name.matcher(file.getFileName().toString());
            assertThat(matcher.matches())
                    .as("%s should be named <feature>_<language>.properties", file)
                    .isTrue();
            features.computeIfAbsent(matcher.group(1), f -> new TreeMap<>()).put(matcher.group(2), load(file));
        }
        return features;
    }

    private static Properties load(Path file) {
        Properties properties = new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                assertThat(containsKey(key))
                        .as("%s defines %s twice", file, key)
                        .isFalse();
                return super.put(key, value);
            }
        };
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static Set<String> difference(Properties a, Properties b) {
        Set<String> keys = new TreeSet<>(a.stringPropertyNames());
        keys.removeAll(b.stringPropertyNames());
        return keys;
    }

    private static Set<String> placeholders(String message) {
        Set<String> numbers = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(message);
        while (matcher.find()) {
            numbers.add(matcher.group(1));
        }
        return numbers;
    }

    private static List<Path> files(Path root, String suffix) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Finds human text in a JTE template: what is left once JTE code ({@code ${…}}, {@code !{…}}, {@code @if(…)},
     * {@code @template.x(…)} arguments, imports, params, comments) is taken out, parsed as HTML. Text nodes and
     * the attributes people read ({@code title}, {@code alt}, {@code aria-label}, {@code placeholder}, …) must not
     * contain letters, apart from the brand and the names of the languages in their own language.
     */
    static final class HardCodedText {

        private static final Pattern ALLOWED = Pattern.compile("(?U)\\b(?:Parcours|FR|EN|English|Français)\\b");
        private static final Pattern LETTER = Pattern.compile("\\p{L}");
        private static final List<String> READ_ATTRIBUTES = List.of(
                "title", "alt", "aria-label", "aria-description", "aria-roledescription", "placeholder", "label");
        private static final Set<String> JTE_KEYWORDS = Set.of("if", "elseif", "for");
        private static final Set<String> JTE_BARE_KEYWORDS = Set.of("else", "endif", "endfor", "raw", "endraw");

        private final String source;
        private int pos;
        private final StringBuilder html = new StringBuilder();

        private HardCodedText(String source) {
            this.source = source;
        }

        static List<String> find(String template) {
            HardCodedText scanner = new HardCodedText(template);
            scanner.markup(false);
            return humanText(scanner.html.toString());
        }

        private static List<String> humanText(String html) {
            Document document = Jsoup.parse(html);
            List<String> found = new ArrayList<>();
            for (Element element : document.getAllElements()) {
                if (!element.tagName().equals("script") && !element.tagName().equals("style")) {
                    for (TextNode text : element.textNodes()) {
                        if (human(text.text())) {
                            found.add(text.text().strip());
                        }
                    }
                }
                for (String attribute : READ_ATTRIBUTES) {
                    if (element.hasAttr(attribute) && human(element.attr(attribute))) {
                        found.add(attribute + "=\"" + element.attr(attribute) + "\"");
                    }
                }
                if (element.tagName().equals("input")
                        && Set.of("submit", "button", "reset").contains(element.attr("type"))
                        && human(element.attr("value"))) {
                    found.add("value=\"" + element.attr("value") + "\"");
                }
            }
            return found;
        }

        private static boolean human(String text) {
            return LETTER.matcher(ALLOWED.matcher(text).replaceAll("")).find();
        }

        /** Copies markup to {@link #html}, skipping JTE code; stops at the backtick closing a content block. */
        private void markup(boolean inContentBlock) {
            while (pos < source.length()) {
                char c = source.charAt(pos);
                if (inContentBlock && c == '`') {
                    pos++;
                    return;
                }
                if (source.startsWith("<%--", pos)) {
                    int end = source.indexOf("--%>", pos);
                    pos = end < 0 ? source.length() : end + 4;
                } else if (source.startsWith("${", pos) || source.startsWith("!{", pos)) {
                    pos += 1;
                    code('{', '}');
                    html.append(' ');
                } else if (source.startsWith("$unsafe{", pos)) {
                    pos += "$unsafe".length();
                    code('{', '}');
                    html.append(' ');
                } else if (c == '@') {
                    directive();
                } else {
                    html.append(c);
                    pos++;
                }
            }
        }

        private void directive() {
            int start = pos + 1;
            int end = start;
            while (end < source.length()
                    // not isJavaIdentifierPart: '$' is one, and "@else${x}" must read as @else then ${x}
                    && (Character.isLetterOrDigit(source.charAt(end))
                            || source.charAt(end) == '_'
                            || source.charAt(end) == '.'
                            || source.charAt(end) == '-')) {
                end++;
            }
            String word = source.substring(start, end);
            if (word.equals("import") || word.equals("param")) {
                int newline = source.indexOf('\n', end);
                pos = newline < 0 ? source.length() : newline + 1;
            } else if (JTE_KEYWORDS.contains(word) || word.startsWith("template.")) {
                pos = end;
                while (pos < source.length() && Character.isWhitespace(source.charAt(pos))) {
                    pos++;
                }
                if (pos < source.length() && source.charAt(pos) == '(') {
                    code('(', ')');
                }
                html.append('\n');
            } else if (JTE_BARE_KEYWORDS.contains(word)) {
                pos = end;
                html.append('\n');
            } else {
                // An @ in text, e.g. an e-mail address.
                html.append('@');
                pos++;
            }
        }

        /** Skips Java code from an opening bracket to its match; content blocks inside are markup again. */
        private void code(char open, char close) {
            int depth = 0;
            while (pos < source.length()) {
                char c = source.charAt(pos);
                if (c == '"' || c == '\'') {
                    skipLiteral(c);
                    continue;
                }
                if (source.startsWith("@`", pos)) {
                    pos += 2;
                    html.append('\n');
                    markup(true);
                    html.append('\n');
                    continue;
                }
                pos++;
                if (c == open) {
                    depth++;
                } else if (c == close && --depth == 0) {
                    return;
                }
            }
        }

        private void skipLiteral(char quote) {
            pos++;
            while (pos < source.length() && source.charAt(pos) != quote) {
                pos += source.charAt(pos) == '\\' ? 2 : 1;
            }
            pos++;
        }
    }
}
