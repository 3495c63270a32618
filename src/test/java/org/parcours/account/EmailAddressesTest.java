package org.parcours.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ada@example.org",
                "Ada.Lovelace+cycle@sub.example.org",
                "  ada@example.org  ",
                "o'brien@example.ie",
                "x_y-z@exa-mple.co.uk"
            })
    void acceptsPlainAddresses(String address) {
        assertThat(EmailAddresses.check(address)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ada",
                "ada@",
                "@example.org",
                "ada@localhost",
                "ada@example.",
                "ada@example..org",
                "ada@@example.org",
                "ada@.example.org",
                "ada lovelace@example.org",
                "Ada <ada@example.org>",
                "a@example.org, b@example.org",
                "ada@example.org\r\nBcc: x@example.org",
                "ada@[192.168.0.1]",
                "ada@exa mple.org"
            })
    void refusesMalformedAddresses(String address) {
        assertThat(EmailAddresses.check(address)).contains(EmailAddresses.INVALID);
    }

    @Test
    void missingAndTooLong() {
        assertThat(EmailAddresses.check(null)).contains(EmailAddresses.MISSING);
        assertThat(EmailAddresses.check("   ")).contains(EmailAddresses.MISSING);
        String longAddress = "a".repeat(64) + "@" + "b".repeat(300) + ".org";
        assertThat(EmailAddresses.check(longAddress)).contains(EmailAddresses.TOO_LONG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x@mailinator.com", "X@YOPMAIL.FR", "x@inbox.guerrillamail.com", "x@10minutemail.com"})
    void refusesDisposableDomainsAndTheirSubdomains(String address) {
        assertThat(EmailAddresses.check(address)).contains(EmailAddresses.DISPOSABLE);
    }

    @Test
    void lookalikesOfDisposableDomainsAreFine() {
        assertThat(EmailAddresses.check("x@notmailinator.com")).isEmpty();
        assertThat(EmailAddresses.check("mailinator.com@example.org")).isEmpty();
        assertThat(EmailAddresses.check("x@mailinator.com.example.org")).isEmpty();
    }

    @Test
    void everyProblemHasAMessageInBothLanguages() throws IOException {
        for (String language : new String[] {"fr", "en"}) {
            Properties bundle = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/i18n/account_" + language + ".properties")) {
                bundle.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            Stream.of(
                            EmailAddresses.MISSING,
                            EmailAddresses.INVALID,
                            EmailAddresses.TOO_LONG,
                            EmailAddresses.DISPOSABLE)
                    .forEach(key -> assertThat(bundle.getProperty(key))
                            .as(key + " in " + language)
                            .isNotBlank());
        }
    }
}
