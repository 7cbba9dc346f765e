package tw.training.printing;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FormatTest {

    private static final EnumSet<Format> OFFERED = EnumSet.of(Format.JSON, Format.HTML, Format.PDF);

    @Test
    void theFirstOfferedTypeTheHeaderNamesWins() {
        assertEquals(Format.HTML, Format.wanted("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", OFFERED, Format.JSON));
        assertEquals(Format.PDF, Format.wanted("Application/PDF", OFFERED, Format.JSON));
        assertEquals(Format.JSON, Format.wanted("application/json, text/html", OFFERED, Format.HTML));
    }

    @Test
    void withNothingOfferedNamedTheFallbackAnswers() {
        assertEquals(Format.HTML, Format.wanted(null, OFFERED, Format.HTML));
        assertEquals(Format.JSON, Format.wanted("*/*", OFFERED, Format.JSON));
        assertEquals(Format.JSON, Format.wanted("text/csv", OFFERED, Format.JSON));
    }
}
