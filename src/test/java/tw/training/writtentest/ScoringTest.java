package tw.training.writtentest;

import org.junit.jupiter.api.Test;
import tw.training.evidence.Outcome;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scoring rule on its own: exactly the key is correct, nothing partial, and each indicator's pass mark in integers. */
class ScoringTest {

    @Test
    void aSingleChoiceIsCorrectOnlyWithItsOneOption() {
        assertTrue(Scoring.correct(ItemKind.SINGLE_CHOICE, Set.of(2), "2"));
        assertFalse(Scoring.correct(ItemKind.SINGLE_CHOICE, Set.of(2), "1"));
        assertFalse(Scoring.correct(ItemKind.SINGLE_CHOICE, Set.of(2), null), "unanswered is wrong");
    }

    @Test
    void aMultipleChoiceWithPartOfItsKeyOrOneTooManyIsWrong() {
        assertTrue(Scoring.correct(ItemKind.MULTIPLE_CHOICE, Set.of(1, 3), "1,3"));
        assertFalse(Scoring.correct(ItemKind.MULTIPLE_CHOICE, Set.of(1, 3), "1"));
        assertFalse(Scoring.correct(ItemKind.MULTIPLE_CHOICE, Set.of(1, 3), "1,2,3"));
        assertEquals("1,3", Scoring.stored(java.util.List.of(3, 1)), "stored in order, so equal answers compare equal");
    }

    @Test
    void trueFalseAndShortAnswers() {
        assertTrue(Scoring.correct(ItemKind.TRUE_FALSE, Set.of(2), "2"));
        assertFalse(Scoring.correct(ItemKind.TRUE_FALSE, Set.of(2), "1"));
        assertNull(Scoring.correct(ItemKind.SHORT_ANSWER, Set.of(), "先傾聽"), "an assessor judges it");
    }

    @Test
    void thePassMarkIsReachedOrNot() {
        assertEquals(Outcome.MET, Scoring.outcome(2, 1, 50));
        assertEquals(Outcome.NOT_YET, Scoring.outcome(3, 2, 67), "2 of 3 is 66.6 %, short of 67");
        assertEquals(Outcome.MET, Scoring.outcome(3, 2, 66));
        assertEquals(Outcome.NOT_YET, Scoring.outcome(4, 3, 100));
        assertEquals(Outcome.MET, Scoring.outcome(4, 4, 100));
    }
}
