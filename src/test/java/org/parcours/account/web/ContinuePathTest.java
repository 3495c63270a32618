package org.parcours.account.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ContinuePathTest {

    @ParameterizedTest
    @ValueSource(strings = {"/me", "/me/account", "/admin", "/cycles/cooperer?session=2#agenda", "/%2F%2Fevil.org"})
    void keepsPathsOnThisSite(String path) {
        assertThat(ContinuePath.safe(path)).isEqualTo(path);
        assertThat(ContinuePath.orDefault(path)).isEqualTo(path);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "//evil.org",
                "///evil.org",
                "/\\evil.org",
                "\\\\evil.org",
                "https://evil.org",
                "http:/evil.org",
                "javascript:alert(1)",
                "evil.org",
                "me",
                "/me\r\nSet-Cookie: x=y",
                "/me\tx",
                "/ evil",
                "/a\\b",
                "/{token}",
                "/café"
            })
    void dropsAnythingElse(String path) {
        assertThat(ContinuePath.safe(path)).isNull();
        assertThat(ContinuePath.orDefault(path)).isEqualTo("/me");
    }

    @org.junit.jupiter.api.Test
    void dropsVeryLongPaths() {
        assertThat(ContinuePath.safe("/" + "a".repeat(600))).isNull();
    }
}
