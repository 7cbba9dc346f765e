package tw.training.setting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import tw.training.account.Actor;
import tw.training.account.audit.SecurityAudit;
import tw.training.account.audit.SecurityEventType;
import tw.training.phrase.Phrase;

import java.sql.Connection;
import java.time.Clock;
import java.util.Optional;

/**
 * The settings as features use them: a value read in a transaction of its own (empty: as configured), and a change
 * written with its audit entry in one transaction, so no change goes unrecorded.
 */
@Singleton
public class Settings {

    private final SettingRepository rows;
    private final SecurityAudit audit;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    Settings(SettingRepository rows, SecurityAudit audit, TransactionOperations<Connection> transactions, Clock clock) {
        this.rows = rows;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The value an administrator set, or empty when the configuration decides. */
    public Optional<String> value(String name) {
        return transactions.executeRead(status -> rows.shown(name).map(SettingRepository.Shown::settingValue));
    }

    /** Sets (or, with null, clears) a setting made by a migration, recorded in the audit trail as {@code detail}. */
    public void set(String name, @Nullable String value, Actor actor, Phrase detail) {
        transactions.executeWrite(status -> {
            if (rows.set(name, value, actor.userId(), clock.instant()) == 0) {
                throw new IllegalStateException("no migration made the setting " + name);
            }
            audit.record(SecurityEventType.SETTING_CHANGED, actor.username(), null, detail);
            return null;
        });
    }
}
