package org.parcours.registration.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every text of calendars, reminders, change notices and training applications exists in French and in English. */
class BundlesInStepTest {

    static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = BundlesInStepTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    static Set<String> keys(String name, String... prefixes) throws IOException {
        return load(name).stringPropertyNames().stream()
                .filter(key -> prefixes.length == 0 || Set.of(prefixes).stream().anyMatch(key::startsWith))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void frenchAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(keys("calendar_en")).isEqualTo(keys("calendar_fr")).isNotEmpty();
        assertThat(keys("training_en")).isEqualTo(keys("training_fr")).isNotEmpty();
        String[] mail = {"mail.reminder.", "mail.session", "mail.trainingApplication."};
        assertThat(keys("mail_en", mail)).isEqualTo(keys("mail_fr", mail)).hasSizeGreaterThan(30);
    }

    @Test
    void noTextIsLeftEmpty() throws IOException {
        for (String bundle : new String[] {"calendar_fr", "calendar_en", "training_fr", "training_en"}) {
            Properties properties = load(bundle);
            assertThat(properties.stringPropertyNames())
                    .as(bundle)
                    .allMatch(key -> !properties.getProperty(key).isBlank());
        }
    }
}
