package tw.training.account;

import tw.training.phrase.Phrase;

import tw.training.problem.ForbiddenException;
import tw.training.problem.NotFoundException;

import java.util.Set;
import java.util.function.Supplier;

/**
 * The signed-in user a request acts for, as controllers receive it (declare a parameter of this type).
 * Features guard what belongs to someone with {@link #requireOwnership}, the single rule for "this trainer
 * owns this course" and "this learner owns this enrollment".
 */
public record Actor(long userId, String username, Set<String> roles) {

    public boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /**
     * Admins may reach everything; anyone else only what is theirs. What is not theirs answers 404, as if it
     * did not exist, so that its existence does not leak either.
     *
     * @param owns whether this actor owns (or is named on) the thing
     * @param notFound the refusal that names the thing, e.g. "course 12 not found"
     */
    public void requireOwnership(boolean owns, Supplier<Phrase> notFound) {
        if (!owns && !isAdmin()) {
            throw new NotFoundException(notFound.get());
        }
    }

    /** For things whose existence is not secret but whose use is: 403 unless the actor holds the role. */
    public void requireRole(String role, Phrase refusal) {
        if (!has(role)) {
            throw new ForbiddenException(refusal);
        }
    }
}
