package tw.training.phrase;

import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;
import tw.training.course.AssessmentMethod;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A phrase kept in a row comes back as it was made, and says the same in each language as before it was kept. */
class PhraseJsonTest {

    private final PhraseJson json = new PhraseJson(ObjectMapper.getDefault());

    @Test
    void aPhraseWithNestedPhrasesEnumsInstantsAndListsComesBackAsItWas() {
        Phrase made = Phrase.of("audit.refused-while-throttled", Addresses.word("0:0:0:0:0:0:0:1"), 12,
                Instant.parse("2026-12-06T01:02:03Z"), Instant.parse("2026-12-06T01:03:03Z"), 5,
                Phrase.of("audit.usernames-more", List.of("ada ×7", "bo ×5"), 3));
        Phrase kept = json.read(json.write(made));

        assertEquals(made.english(), kept.english());
        assertEquals(made.in(Locale.TRADITIONAL_CHINESE), kept.in(Locale.TRADITIONAL_CHINESE));
        assertEquals("來自 本機：受限期間拒絕 12 次登入，2026-12-06 09:02 至 2026-12-06 09:03，最長等待 5 秒；帳號 ada ×7、bo ×5，另有 3 個",
                kept.in(Locale.TRADITIONAL_CHINESE));
        Phrase method = json.read(json.write(Phrase.of("evidence.method-must-one", List.of(AssessmentMethod.PORTFOLIO))));
        assertEquals("評量方式須為下列之一：作品集審查", method.in(Locale.TRADITIONAL_CHINESE));
    }
}
