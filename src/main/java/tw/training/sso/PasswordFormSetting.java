package tw.training.sso;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import tw.training.account.Actor;
import tw.training.account.Roles;
import tw.training.phrase.Phrase;
import tw.training.setting.Settings;

/**
 * Whether the sign-in page shows the password form under the providers' buttons: an administrator's setting
 * ({@code signin.password-form}) over the configuration's {@code app.signin.password-form} (shown by default). Hidden,
 * it is still one link away: local accounts (the first administrator among them) must always be able to sign in.
 */
@Singleton
public class PasswordFormSetting {

    static final String SETTING = "signin.password-form";

    private final Settings settings;
    private final boolean configured;

    PasswordFormSetting(Settings settings, @Value("${app.signin.password-form:true}") boolean configured) {
        this.settings = settings;
        this.configured = configured;
    }

    public boolean shown() {
        return settings.value(SETTING).map(Boolean::valueOf).orElse(configured);
    }

    /** {@code shown} true or false, or null to follow the configuration; recorded in the audit trail. */
    public void set(@Nullable Boolean shown, Actor actor) {
        actor.requireRole(Roles.ADMIN, Phrase.of("sso.only-admin-sets-form"));
        settings.set(SETTING, shown == null ? null : shown.toString(), actor,
                Phrase.of("audit.password-form", shown == null ? Phrase.of("audit.provider-configured") : Phrase.of("audit." + shown)));
    }
}
