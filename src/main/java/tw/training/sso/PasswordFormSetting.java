package tw.training.sso;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import tw.training.account.Actor;
import tw.training.account.Roles;
import tw.training.account.audit.SecurityAudit;
import tw.training.account.audit.SecurityEventType;
import tw.training.phrase.Phrase;
import tw.training.setting.SettingRepository;

import java.sql.Connection;
import java.time.Clock;

/**
 * Whether the sign-in page shows the password form under the providers' buttons: an administrator's setting
 * ({@code signin.password-form}) over the configuration's {@code app.signin.password-form} (shown by default). Hidden,
 * it is still one link away: local accounts (the first administrator among them) must always be able to sign in.
 */
@Singleton
public class PasswordFormSetting {

    static final String SETTING = "signin.password-form";

    private final SettingRepository settings;
    private final SecurityAudit audit;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final boolean configured;

    PasswordFormSetting(SettingRepository settings, SecurityAudit audit, TransactionOperations<Connection> transactions, Clock clock,
                        @Value("${app.signin.password-form:true}") boolean configured) {
        this.settings = settings;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.configured = configured;
    }

    public boolean shown() {
        return transactions.executeRead(status -> settings.shown(SETTING).map(SettingRepository.Shown::settingValue).map(Boolean::valueOf)
                .orElse(configured));
    }

    /** {@code shown} true or false, or null to follow the configuration; recorded in the audit trail. */
    public void set(@Nullable Boolean shown, Actor actor) {
        actor.requireRole(Roles.ADMIN, Phrase.of("sso.only-admin-sets-form"));
        transactions.executeWrite(status -> {
            settings.set(SETTING, shown == null ? null : shown.toString(), actor.userId(), clock.instant());
            audit.record(SecurityEventType.SETTING_CHANGED, actor.username(), null,
                    Phrase.of("audit.password-form", shown == null ? Phrase.of("audit.provider-configured") : Phrase.of("audit." + shown)));
            return null;
        });
    }
}
