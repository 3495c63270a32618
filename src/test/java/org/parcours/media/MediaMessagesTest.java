package org.parcours.media;

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

/** Every media message exists in French and English, and every key the media code and templates use is defined. */
class MediaMessagesTest {

    private static Properties bundle(String lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/i18n/media_" + lang + ".properties"))) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertThat(bundle("en").stringPropertyNames()).isEqualTo(bundle("fr").stringPropertyNames());
    }

    @Test
    void everyKeyUsedIsDefined() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern key = Pattern.compile("\"(media\\.[A-Za-z.]+[A-Za-z])\"");
        for (Path root : new Path[] {Path.of("src/main/java/org/parcours/media"), Path.of("src/main/jte")}) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Matcher m = key.matcher(Files.readString(file));
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        for (String provider : new String[] {"youtube", "vimeo", "peertube", "link"}) {
            used.add("media.provider." + provider);
        }
        assertThat(used).hasSizeGreaterThan(50);
        assertThat(bundle("fr").stringPropertyNames()).containsAll(used);
    }
}
