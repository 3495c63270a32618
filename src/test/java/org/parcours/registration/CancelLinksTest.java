package org.parcours.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class CancelLinksTest {

    private final CancelLinks links = new CancelLinks(new SigningKey("k".repeat(40), null, null, null));
    private final CancelLinks otherKey = new CancelLinks(new SigningKey("z".repeat(40), null, null, null));

    @Test
    void aLinkNamesItsRegistrationAndActivation() {
        String token = links.token(registration(42, 3));

        assertThat(token).startsWith("r42-3.").hasSize("r42-3.".length() + 22);
        assertThat(links.verify(token)).contains(new CancelLinks.One(42, 3));
        assertThat(links.verify(links.tokenForAll(7, 9))).contains(new CancelLinks.All(7, 9));
        assertThat(links.path(registration(42, 3))).isEqualTo("/registrations/cancel/" + token);
    }

    @Test
    void changedForgedOrMalformedTokensAreRejected() {
        String token = links.token(registration(42, 1));
        String mac = token.substring(token.indexOf('.'));

        assertThat(links.verify("r43-1" + mac)).isEmpty();
        assertThat(links.verify("r42-2" + mac)).isEmpty();
        assertThat(links.verify("a42-1" + mac)).isEmpty();
        assertThat(links.verify(otherKey.token(registration(42, 1)))).isEmpty();
        assertThat(links.verify(token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A")))
                .isEmpty();
        assertThat(links.verify("")).isEmpty();
        assertThat(links.verify("r42-1")).isEmpty();
        assertThat(links.verify("r42-1." + "x".repeat(300))).isEmpty();
        assertThat(links.verify("r99999999999999999999-1" + mac)).isEmpty();
        assertThat(links.verify("r42-99999999999" + mac)).isEmpty();
    }

    private static Registration registration(long id, int activation) {
        OffsetDateTime now = OffsetDateTime.parse("2026-04-02T16:00:00Z");
        return new Registration(
                id, 1, 2, Seat.STREAM, false, null, RegistrationStatus.ACTIVE, null, now, now, null, activation, 1);
    }
}
