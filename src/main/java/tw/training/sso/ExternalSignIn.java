package tw.training.sso;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import tw.training.account.AccountHolder;
import tw.training.account.AccountService;
import tw.training.account.audit.SecurityAudit;
import tw.training.account.audit.SecurityEventType;
import tw.training.phrase.Phrase;
import tw.training.secret.CookieTokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who an ID token that passed every check of the protocol signs in, decided by its (issuer, subject) alone: a known
 * identity signs its user in; an unknown one whose provider vouches for a local user's address becomes a link request
 * that user confirms with their password; otherwise a provider that allows it makes an account, and one that does not
 * is refused. An address the provider has not verified links nothing: whoever controls the provider's directory must
 * not take over an account here by typing its owner's address.
 */
@Singleton
public class ExternalSignIn {

    /** How long a link request waits for its user's password. */
    static final Duration LINK_VALID = Duration.ofMinutes(15);
    /** How long a spent nonce is kept: longer than any ID token this service would still accept stays valid. */
    static final Duration NONCE_KEPT = Duration.ofDays(2);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final SsoProviders providers;
    private final AccountService accounts;
    private final ExternalIdentityRepository identities;
    private final LinkRequestRepository links;
    private final SpentNonceRepository nonces;
    private final SecurityAudit audit;
    private final Clock clock;

    ExternalSignIn(SsoProviders providers, AccountService accounts, ExternalIdentityRepository identities, LinkRequestRepository links,
                   SpentNonceRepository nonces, SecurityAudit audit, Clock clock) {
        this.providers = providers;
        this.accounts = accounts;
        this.identities = identities;
        this.links = links;
        this.nonces = nonces;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the provider's token said, as this decision needs it. */
    public record Claims(String issuer, String subject, @Nullable String nonce, @Nullable String email, boolean emailVerified,
                         @Nullable String preferredUsername, @Nullable String name, Map<String, Object> all) {
    }

    /** What came of a sign-in. */
    public sealed interface Outcome {
    }

    public record SignedIn(AccountHolder user) implements Outcome {
    }

    /** The local user with the verified address must confirm with their password: {@code token} is for the link page only. */
    public record ConfirmLink(String token) implements Outcome {
    }

    public record Refused(Refusal reason) implements Outcome {
    }

    /** A pending link as its page shows it. */
    public record PendingLink(long userId, String username, String provider, String email) {
    }

    /** Decides, records and audits a sign-in whose token passed the protocol's checks; refusals commit their audit entry. */
    @Transactional
    public Outcome signIn(String providerName, Claims claims) {
        Instant now = clock.instant();
        Phrase who = Phrase.of("audit.sso-identity", providerName, claims.issuer(), claims.subject());
        if (claims.nonce() == null || nonces.spend(CookieTokens.hash(claims.nonce()), now) == 0) {
            return refused(Refusal.REPLAYED, null, who);
        }
        Optional<ExternalIdentity> known = identities.findByIssuerAndSubject(claims.issuer(), claims.subject());
        if (known.isPresent()) {
            Optional<AccountHolder> user = accounts.holder(known.get().userId());
            if (user.isEmpty() || !user.get().enabled()) {
                return refused(Refusal.DISABLED, user.map(AccountHolder::username).orElse(null), who);
            }
            identities.signedIn(known.get().id(), now, claims.email());
            return signedIn(user.get(), who);
        }
        List<AccountHolder> sameAddress = claims.email() == null ? List.of() : accounts.withEmail(claims.email());
        if (!sameAddress.isEmpty()) {
            return linkRequest(providerName, claims, sameAddress, who, now);
        }
        SsoProvider provider = providers.named(providerName).orElseThrow();
        if (!provider.justInTime()) {
            return refused(Refusal.NO_ACCOUNT, null, who);
        }
        if (claims.email() == null || !EMAIL.matcher(claims.email()).matches() || claims.email().length() > 320) {
            return refused(Refusal.NO_EMAIL, null, who);
        }
        AccountHolder created = accounts.createSignedInElsewhere(claims.preferredUsername() == null ? claims.email() : claims.preferredUsername(),
                claims.name() == null ? "" : claims.name(), claims.email(), RoleClaim.roles(provider, claims.all()), who);
        identities.save(new ExternalIdentity(null, created.userId(), providerName, claims.issuer(), claims.subject(), claims.email(), now, null, now));
        return signedIn(created, who);
    }

    private Outcome linkRequest(String providerName, Claims claims, List<AccountHolder> sameAddress, Phrase who, Instant now) {
        if (!claims.emailVerified()) {
            return refused(Refusal.UNVERIFIED_EMAIL, sameAddress.get(0).username(), who);
        }
        AccountHolder holder = sameAddress.get(0);
        if (sameAddress.size() > 1 || holder.ssoOnly() || !holder.hasPassword()) {
            return refused(Refusal.ADMINISTRATOR_MUST_LINK, holder.username(), who);
        }
        if (!holder.enabled()) {
            return refused(Refusal.DISABLED, holder.username(), who);
        }
        links.deleteByExpiresAtBefore(now);
        String token = CookieTokens.fresh();
        links.save(new LinkRequest(null, CookieTokens.hash(token), holder.userId(), providerName, claims.issuer(), claims.subject(),
                claims.email(), now, now.plus(LINK_VALID)));
        return new ConfirmLink(token);
    }

    /** A sign-in refused before any identity was known (the protocol's checks failed): audited with the provider's issuer. */
    @Transactional
    public void refusedByProtocol(String providerName, Refusal reason, String detail) {
        audit.record(SecurityEventType.SSO_REFUSED, null, null, Phrase.of("audit.sso-refused-protocol", providerName,
                providers.issuer(providerName).orElse("?"), reason.name(), detail));
    }

    /** The link request a token stands for, while it stands. */
    @ReadOnly
    public Optional<PendingLink> pending(String token) {
        Instant now = clock.instant();
        return links.findByTokenHash(CookieTokens.hash(token)).filter(link -> now.isBefore(link.expiresAt()))
                .flatMap(link -> accounts.holder(link.userId()).map(user -> new PendingLink(user.userId(), user.username(), link.provider(), link.email())));
    }

    /**
     * Links the identity of a request to its user, who has just signed in with their password: the request is spent
     * once (of two confirmations racing, one links). False when it expired, was spent, or is another user's.
     */
    @Transactional
    public boolean confirm(String token, long userId) {
        Instant now = clock.instant();
        Optional<LinkRequest> found = links.findByTokenHash(CookieTokens.hash(token))
                .filter(link -> now.isBefore(link.expiresAt()) && link.userId() == userId);
        if (found.isEmpty() || links.deleteById(found.get().id()) == 0) {
            return false;
        }
        LinkRequest link = found.get();
        if (identities.findByIssuerAndSubject(link.issuer(), link.subject()).isPresent()) {
            return false;
        }
        identities.save(new ExternalIdentity(null, userId, link.provider(), link.issuer(), link.subject(), link.email(), now, null, now));
        String username = accounts.holder(userId).map(AccountHolder::username).orElse(null);
        audit.record(SecurityEventType.SSO_LINKED, username, username,
                Phrase.of("audit.sso-linked-by-password", Phrase.of("audit.sso-identity", link.provider(), link.issuer(), link.subject())));
        audit.record(SecurityEventType.SSO_SIGNED_IN, username, username, Phrase.of("audit.sso-identity", link.provider(), link.issuer(), link.subject()));
        return true;
    }

    /** Forgets nonces no token could still be accepted under, and link requests past their time. */
    @Transactional
    public void prune() {
        Instant now = clock.instant();
        nonces.deleteBySpentAtBefore(now.minus(NONCE_KEPT));
        links.deleteByExpiresAtBefore(now);
    }

    private Outcome signedIn(AccountHolder user, Phrase who) {
        audit.record(SecurityEventType.SSO_SIGNED_IN, user.username(), user.username(), who);
        return new SignedIn(user);
    }

    private Outcome refused(Refusal reason, @Nullable String username, Phrase who) {
        audit.record(SecurityEventType.SSO_REFUSED, null, username, Phrase.of("audit.sso-refused", who, Phrase.of("sso.refusal." + reason.name())));
        return new Refused(reason);
    }
}
