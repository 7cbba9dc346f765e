package tw.training.account;

import org.junit.jupiter.api.Test;
import tw.training.problem.ForbiddenException;
import tw.training.problem.NotFoundException;
import tw.training.phrase.Phrase;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The one ownership rule every feature uses. */
class ActorTest {

    private final Actor trainer = new Actor(7, "tina", Set.of(Roles.TRAINER));
    private final Actor admin = new Actor(1, "ada", Set.of(Roles.ADMIN));

    @Test
    void anOwnerPasses() {
        assertDoesNotThrow(() -> trainer.requireOwnership(true, () -> Phrase.of("course.course-not-found", 3)));
    }

    @Test
    void someoneElsesThingAnswersNotFoundSoItsExistenceDoesNotLeak() {
        NotFoundException refused = assertThrows(NotFoundException.class, () -> trainer.requireOwnership(false, () -> Phrase.of("course.course-not-found", 3)));

        assertEquals("course 3 not found", refused.getMessage());
    }

    @Test
    void anAdministratorReachesEverything() {
        assertDoesNotThrow(() -> admin.requireOwnership(false, () -> Phrase.of("course.course-not-found", 3)));
    }

    @Test
    void aMissingRoleIsForbidden() {
        assertThrows(ForbiddenException.class, () -> trainer.requireRole(Roles.ADMIN, Phrase.of("certificate.only-admin-issues")));
    }
}
