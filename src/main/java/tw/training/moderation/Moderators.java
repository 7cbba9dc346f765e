package tw.training.moderation;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import tw.training.account.AccountService;
import tw.training.account.Actor;
import tw.training.account.Roles;
import tw.training.account.UserResponse;
import tw.training.course.CourseService;
import tw.training.phrase.Phrase;
import tw.training.problem.ForbiddenException;
import tw.training.problem.InvalidInputException;
import tw.training.problem.NotFoundException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The role MODERATOR, given per course by its lead trainer or an administrator to a trainer who does not lead it.
 * Administrators moderate every course. Everyone else is told the course does not exist, as elsewhere; a trainer of
 * the course who is no moderator is told why they are refused.
 */
@Singleton
public class Moderators {

    private final ModeratorRepository moderators;
    private final CourseService courses;
    private final AccountService accounts;
    private final Clock clock;

    Moderators(ModeratorRepository moderators, CourseService courses, AccountService accounts, Clock clock) {
        this.moderators = moderators;
        this.courses = courses;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A moderator as listed to the course's trainers. */
    @Serdeable
    public record Moderator(String username, String displayName, Instant grantedAt) {
    }

    /** Whether the actor moderates the course: an administrator, or a trainer given the role on it. */
    @ReadOnly
    public boolean moderates(long courseId, Actor actor) {
        return actor.isAdmin() || actor.has(Roles.TRAINER) && moderators.existsByCourseIdAndUserId(courseId, actor.userId());
    }

    /** Refuses anyone who does not moderate the course: a 403 to its trainers, to everyone else it does not exist. */
    @ReadOnly
    public void requireModerator(long courseId, Actor actor) {
        if (moderates(courseId, actor)) {
            courses.find(courseId).orElseThrow(() -> new NotFoundException("course.course-not-found", courseId));
            return;
        }
        if (courses.trains(courseId, actor)) {
            throw new ForbiddenException("moderation.only-moderators");
        }
        throw new NotFoundException("course.course-not-found", courseId);
    }

    /** Whether the actor leads the course (owns it and still trains). */
    @ReadOnly
    public boolean leads(long courseId, Actor actor) {
        return actor.has(Roles.TRAINER) && courses.leadOf(courseId).map(lead -> lead == actor.userId()).orElse(false);
    }

    /** The course's moderators, to its trainers, its moderators and administrators. */
    @ReadOnly
    public List<Moderator> of(long courseId, Actor actor) {
        if (!moderates(courseId, actor)) {
            courses.requireTrainer(courseId, actor);
        }
        return moderators.listed(courseId).stream().map(m -> new Moderator(m.username(), m.displayName(), m.grantedAt())).toList();
    }

    @Transactional
    public List<Moderator> grant(long courseId, String username, Actor actor) {
        requireLeadOrAdmin(courseId, actor);
        UserResponse user = user(username);
        if (!user.roles().contains(Roles.TRAINER)) {
            throw InvalidInputException.of("username", "moderation.moderator-must-train", user.username());
        }
        if (courses.leadOf(courseId).map(lead -> lead == user.id()).orElse(false)) {
            throw InvalidInputException.of("username", "moderation.moderator-not-lead", user.username());
        }
        moderators.grant(courseId, user.id(), actor.userId(), clock.instant());
        return of(courseId, actor);
    }

    @Transactional
    public List<Moderator> revoke(long courseId, String username, Actor actor) {
        requireLeadOrAdmin(courseId, actor);
        moderators.deleteByCourseIdAndUserId(courseId, user(username).id());
        return of(courseId, actor);
    }

    private void requireLeadOrAdmin(long courseId, Actor actor) {
        courses.requireTrainer(courseId, actor);
        if (!actor.isAdmin() && !leads(courseId, actor)) {
            throw new ForbiddenException("moderation.only-lead-names-moderators");
        }
    }

    private UserResponse user(String username) {
        try {
            return accounts.get(AccountService.normalUsername(username));
        } catch (NotFoundException unknown) {
            throw new InvalidInputException(Phrase.of("moderation.moderator-not-valid"),
                    List.of(tw.training.problem.InputError.field("username", "moderation.validator-unknown", username)));
        }
    }
}
