package tw.training.notification;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import tw.training.account.Actor;
import tw.training.account.Roles;
import tw.training.account.audit.SecurityAudit;
import tw.training.account.audit.SecurityEventType;
import tw.training.phrase.Phrase;
import tw.training.problem.InvalidInputException;
import tw.training.setting.SettingRepository;

import java.sql.Connection;
import java.time.Clock;

/** The hour of the day (Taipei time) the digests go out: set by an administrator, else the configured one (7). */
@Singleton
public class DigestHour {

    static final String SETTING = "notifications.digest-hour";

    private final SettingRepository settings;
    private final SecurityAudit audit;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final int configured;

    DigestHour(SettingRepository settings, SecurityAudit audit, TransactionOperations<Connection> transactions, Clock clock,
               @Value("${app.notifications.digest-hour:7}") int configured) {
        this.settings = settings;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.configured = configured;
    }

    public int value() {
        return transactions.executeRead(status -> settings.shown(SETTING).map(SettingRepository.Shown::settingValue).map(Integer::valueOf)
                .orElse(configured));
    }

    /** Sets the hour (0 to 23), recorded in the audit trail. */
    public void set(@Nullable String hour, Actor actor) {
        actor.requireRole(Roles.ADMIN, Phrase.of("notify.only-admin-sets-hour"));
        int value;
        try {
            value = Integer.parseInt(hour == null ? "" : hour.strip());
        } catch (NumberFormatException e) {
            value = -1;
        }
        if (value < 0 || value > 23) {
            throw InvalidInputException.of("digestHour", "notify.hour-must-between");
        }
        int chosen = value;
        transactions.executeWrite(status -> {
            settings.set(SETTING, String.valueOf(chosen), actor.userId(), clock.instant());
            audit.record(SecurityEventType.SETTING_CHANGED, actor.username(), null, Phrase.of("audit.digest-hour", chosen));
            return null;
        });
    }
}
