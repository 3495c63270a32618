package org.parcours.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The mail bundles: French and English have the same keys, and every key the templates use exists. */
class MailMessagesTest {

    private static final Pattern KEY = Pattern.compile("\"((?:mail|outbox)\\.[A-Za-z0-9.]+[A-Za-z0-9])\"");

    @Test
    void frenchAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(load("en").stringPropertyNames()).isEqualTo(load("fr").stringPropertyNames());
    }

    @Test
    void everyKeyUsedInTemplatesAndCodeExists() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path root : new Path[] {
            Path.of("src/main/jte/mail"), Path.of("src/main/jte/admin"), Path.of("src/main/java/org/parcours/mail/web")
        }) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String text = Files.readString(file);
                    Matcher m = KEY.matcher(text);
                    while (m.find()) {
                        String before = text.substring(Math.max(0, m.start() - 9), m.start());
                        if (!before.endsWith("category(")) { // a category name, not a message key
                            used.add(m.group(1));
                        }
                    }
                }
            }
        }
        for (MailStatus status : MailStatus.values()) {
            used.add("outbox.status." + Outbox.key(status));
        }

        assertThat(used).contains("outbox.title", "mail.test.subject");
        assertThat(load("fr").stringPropertyNames()).containsAll(used);
    }

    private static Properties load(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MailMessagesTest.class.getResourceAsStream("/i18n/mail_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
