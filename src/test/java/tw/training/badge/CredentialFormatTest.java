package tw.training.badge;

import io.micronaut.http.MediaType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which form of the credential an {@code Accept} header asks for: the VC-JWT only when preferred to JSON-LD. */
class CredentialFormatTest {

    private static List<MediaType> accept(String... types) {
        return Arrays.stream(types).map(MediaType::of).toList();
    }

    @Test
    void theJwtWhenItIsPreferred() {
        assertTrue(BadgeController.prefersJwt(accept("application/vc+jwt")));
        assertTrue(BadgeController.prefersJwt(accept("application/vc+jwt", "*/*;q=0.1")));
        assertTrue(BadgeController.prefersJwt(accept("application/ld+json;q=0.4", "application/vc+jwt;q=0.9")));
    }

    @Test
    void jsonLdOtherwise() {
        assertFalse(BadgeController.prefersJwt(List.of()));
        assertFalse(BadgeController.prefersJwt(accept("*/*")));
        assertFalse(BadgeController.prefersJwt(accept("application/ld+json", "application/vc+jwt;q=0.5")));
        assertFalse(BadgeController.prefersJwt(accept("application/json", "application/vc+jwt")), "equal: the credential's own form");
        assertFalse(BadgeController.prefersJwt(accept("application/vc+jwt;q=0")));
    }
}
