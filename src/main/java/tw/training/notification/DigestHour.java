package tw.training.notification;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import tw.training.account.Actor;
import tw.training.account.Roles;
import tw.training.phrase.Phrase;
import tw.training.problem.InvalidInputException;
import tw.training.setting.Settings;

/** The hour of the day (Taipei time) the digests go out: set by an administrator, else the configured one (7). */
@Singleton
public class DigestHour {

    static final String SETTING = "notifications.digest-hour";

    private final Settings settings;
    private final int configured;

    DigestHour(Settings settings, @Value("${app.notifications.digest-hour:7}") int configured) {
        this.settings = settings;
        this.configured = configured;
    }

    public int value() {
        return settings.value(SETTING).map(Integer::valueOf).orElse(configured);
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
        settings.set(SETTING, String.valueOf(value), actor, Phrase.of("audit.digest-hour", value));
    }
}
