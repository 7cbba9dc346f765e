package tw.training.ims;

import tw.training.phrase.Phrase;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tw.training.account.Actor;
import tw.training.setting.SettingRepository;
import tw.training.setting.Settings;

import java.sql.Connection;
import java.time.Instant;

/**
 * Whether the CASE provider answers without sign-in. The configuration ({@code app.case.public-read}, default no) decides
 * until an administrator sets it in the service; clearing that returns to the configuration. The answer is kept in memory
 * for the security rule, which must not wait on the database, and read again every {@code app.settings.refresh-every}
 * (5 s) so every instance follows a change made on another.
 */
@Singleton
public class CaseAccess {

    static final String SETTING = "case.public-read";
    private static final Logger LOG = LoggerFactory.getLogger(CaseAccess.class);

    private final SettingRepository settings;
    private final Settings changes;
    private final TransactionOperations<Connection> transactions;
    private final boolean configured;
    private volatile boolean open;

    CaseAccess(SettingRepository settings, Settings changes, TransactionOperations<Connection> transactions,
               @Value("${app.case.public-read:false}") boolean configured) {
        this.settings = settings;
        this.changes = changes;
        this.transactions = transactions;
        this.configured = configured;
        this.open = configured;
    }

    /** Whether reads need no sign-in now. */
    boolean open() {
        return open;
    }

    /** The setting as administrators see it. */
    @Serdeable
    public record View(boolean publicRead, boolean configured, @Nullable Boolean setByAdministrator, @Nullable String updatedBy,
                       @Nullable Instant updatedAt) {
    }

    public View view() {
        SettingRepository.Shown shown = settings.shown(SETTING).orElseThrow(() -> new IllegalStateException("migration V016 makes " + SETTING));
        Boolean set = shown.settingValue() == null ? null : Boolean.valueOf(shown.settingValue());
        return new View(set == null ? configured : set, configured, set, shown.updatedBy(), shown.updatedAt());
    }

    /** Sets whether reads need no sign-in, or with null returns to the configuration; recorded in the audit trail. */
    public View set(@Nullable Boolean publicRead, Actor actor) {
        changes.set(SETTING, publicRead == null ? null : publicRead.toString(), actor,
                publicRead == null ? Phrase.of("audit.case-read-configured", Phrase.of("audit." + configured))
                        : Phrase.of("audit.case-read", Phrase.of("audit." + publicRead)));
        return reload();
    }

    @EventListener
    void onStartup(ServerStartupEvent started) {
        refresh();
    }

    @Scheduled(fixedDelay = "${app.settings.refresh-every:5s}", initialDelay = "${app.settings.refresh-every:5s}")
    void refresh() {
        try {
            reload();
        } catch (RuntimeException e) {
            LOG.warn("CASE access not read again now ({}); kept as it was", e.toString());
        }
    }

    /**
     * Reads the setting and keeps its answer for the rule. One at a time: a scheduled refresh that read just before a change
     * committed cannot then overwrite the change's own, newer answer.
     */
    private synchronized View reload() {
        View now = view();
        open = now.publicRead();
        return now;
    }
}
