package tw.training.onboarding;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import tw.training.account.AccountHolder;
import tw.training.account.AccountInvited;
import tw.training.account.AccountService;
import tw.training.account.audit.SecurityAudit;
import tw.training.account.audit.SecurityEventType;
import tw.training.address.PublicUrl;
import tw.training.mail.Letter;
import tw.training.mail.Mailbox;
import tw.training.phrase.Phrase;
import tw.training.problem.ConflictException;
import tw.training.problem.NotFoundException;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Invitations: a user created without a password is mailed a link to choose one, valid {@link #VALID_FOR}, once. An
 * administrator may send a new one (the old stops working); accepting sets the password under the password rule.
 */
@Singleton
public class Invitations {

    static final Duration VALID_FOR = Duration.ofDays(7);
    static final String KIND = "INVITATION";

    private final OneTimeTokens tokens;
    private final AccountTokenRepository rows;
    private final AccountService accounts;
    private final Mailbox mailbox;
    private final SecurityAudit audit;
    private final String home;

    Invitations(OneTimeTokens tokens, AccountTokenRepository rows, AccountService accounts, Mailbox mailbox, SecurityAudit audit,
                PublicUrl publicUrl) {
        this.tokens = tokens;
        this.rows = rows;
        this.accounts = accounts;
        this.mailbox = mailbox;
        this.audit = audit;
        this.home = publicUrl.value();
    }

    /** A user was just created to be invited: the invitation is written in the same transaction. */
    @EventListener
    void onInvited(AccountInvited event) {
        send(event.holder(), event.actor());
    }

    /** Sends a new invitation to a user who has not yet chosen a password; the earlier ones stop working. */
    @Transactional
    public void resend(String username, String actor) {
        AccountHolder holder = accounts.holder(username);
        if (holder.hasPassword()) {
            throw new ConflictException("onboarding.already-accepted", holder.username());
        }
        send(holder, actor);
    }

    /** When the user's latest invitation went out, if one did. */
    @ReadOnly
    public Optional<Instant> lastInvited(long userId) {
        return rows.lastInvited(userId);
    }

    /** Whom a working invitation is for; empty for a link that does not work (any more). */
    @ReadOnly
    public Optional<AccountHolder> invitee(String token) {
        return tokens.working(token, TokenPurpose.INVITATION).flatMap(row -> accounts.holder(row.userId())).filter(AccountHolder::enabled);
    }

    /** Spends the invitation and sets the password; answers the username. A weak password spends nothing. */
    @Transactional
    public String accept(String token, String password) {
        AccountToken spent = tokens.spend(token, TokenPurpose.INVITATION).orElseThrow(() -> new NotFoundException("onboarding.link-not-valid"));
        AccountHolder holder = accounts.holder(spent.userId()).filter(AccountHolder::enabled)
                .orElseThrow(() -> new NotFoundException("onboarding.link-not-valid"));
        accounts.setPasswordFromLink(holder.userId(), password, SecurityEventType.INVITATION_ACCEPTED, null);
        tokens.endAll(holder.userId(), TokenPurpose.PASSWORD_RESET);
        return holder.username();
    }

    private void send(AccountHolder holder, String actor) {
        OneTimeTokens.Issued issued = tokens.issue(holder.userId(), TokenPurpose.INVITATION, VALID_FOR);
        mailbox.post(new Letter(KIND, holder.userId(), holder.email(), holder.language(), "invitation",
                Phrase.of("mail.invitation.subject"), Map.of("name", holder.displayName(), "username", holder.username(),
                "expires", issued.expiresAt()), home + "/invitation/" + issued.token(), null, true));
        audit.record(SecurityEventType.INVITATION_SENT, actor, holder.username(), Phrase.of("audit.invitation-to", holder.email()));
    }
}
