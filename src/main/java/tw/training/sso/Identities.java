package tw.training.sso;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import tw.training.account.AccountHolder;
import tw.training.account.AccountService;
import tw.training.account.Actor;
import tw.training.account.audit.SecurityAudit;
import tw.training.account.audit.SecurityEventType;
import tw.training.database.Sql;
import tw.training.phrase.Phrase;
import tw.training.problem.ConflictException;
import tw.training.problem.InvalidInputException;
import tw.training.problem.NotFoundException;

import java.time.Clock;
import java.util.List;

/** Administration of users' external identities: listing, linking by hand, unlinking; each audited with issuer and subject. */
@Singleton
public class Identities {

    private final ExternalIdentityRepository identities;
    private final AccountService accounts;
    private final SsoProviders providers;
    private final SecurityAudit audit;
    private final Clock clock;

    Identities(ExternalIdentityRepository identities, AccountService accounts, SsoProviders providers, SecurityAudit audit, Clock clock) {
        this.identities = identities;
        this.accounts = accounts;
        this.providers = providers;
        this.audit = audit;
        this.clock = clock;
    }

    /** A request to link an identity by hand: the provider's name and the subject its tokens carry for the person. */
    @io.micronaut.serde.annotation.Serdeable
    public record LinkRequestBody(@Nullable String provider, @Nullable String subject) {
    }

    @ReadOnly
    public List<ExternalIdentity> of(String username) {
        return identities.findByUserIdOrderByLinkedAt(accounts.holder(username).userId());
    }

    /** The identities of each of these users (one query for a page of users), by user id; users without any are absent. */
    @ReadOnly
    public java.util.Map<Long, List<ExternalIdentity>> of(java.util.Collection<Long> userIds) {
        return userIds.isEmpty() ? java.util.Map.of() : identities.findByUserIdInOrderByLinkedAt(userIds).stream()
                .collect(java.util.stream.Collectors.groupingBy(ExternalIdentity::userId));
    }

    /** The names of the providers an administrator may link identities of. */
    public List<String> providers() {
        return providers.available().stream().map(SsoProvider::name).toList();
    }

    /**
     * Links an identity to a user by hand (the administrator has checked who the person is): under the provider's
     * issuer as its discovery document names it, so the next sign-in with that subject finds the user.
     */
    @Transactional
    public ExternalIdentity link(String username, LinkRequestBody body, Actor actor) {
        AccountHolder user = accounts.holder(username);
        String provider = body.provider() == null ? "" : body.provider().strip();
        String issuer = providers.issuer(provider).orElseThrow(() -> InvalidInputException.of("provider", "sso.provider-must-be-one",
                providers.available().stream().map(SsoProvider::name).toList()));
        String subject = body.subject() == null ? "" : body.subject().strip();
        if (subject.isEmpty() || subject.length() > 255) {
            throw InvalidInputException.of("subject", "sso.subject-required");
        }
        if (identities.findByIssuerAndSubject(issuer, subject).isPresent()) {
            throw new ConflictException("sso.identity-linked-already");
        }
        ExternalIdentity linked;
        try {
            linked = identities.save(new ExternalIdentity(null, user.userId(), provider, issuer, subject, null, clock.instant(), actor.userId(), null));
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e)) {
                throw new ConflictException("sso.identity-linked-already");
            }
            throw e;
        }
        audit.record(SecurityEventType.SSO_LINKED, actor.username(), user.username(),
                Phrase.of("audit.sso-linked-by-administrator", Phrase.of("audit.sso-identity", provider, issuer, subject)));
        return linked;
    }

    /** Unlinks an identity: it signs nobody in any more, and the user's sessions end (one may have been opened through it). */
    @Transactional
    public void unlink(String username, long identityId, Actor actor) {
        AccountHolder user = accounts.holder(username);
        ExternalIdentity identity = identities.findById(identityId).filter(found -> found.userId() == user.userId())
                .orElseThrow(() -> new NotFoundException("sso.identity-not-found"));
        identities.deleteById(identity.id());
        accounts.endSessions(user.userId());
        audit.record(SecurityEventType.SSO_UNLINKED, actor.username(), user.username(),
                Phrase.of("audit.sso-identity", identity.provider(), identity.issuer(), identity.subject()));
    }
}
