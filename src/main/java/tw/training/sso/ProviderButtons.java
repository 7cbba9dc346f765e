package tw.training.sso;

import io.micronaut.http.uri.UriBuilder;
import jakarta.inject.Singleton;
import tw.training.page.SignInChoices;

import java.util.List;
import java.util.Locale;

/** The sign-in page's button per available provider, in the page's language, and whether the password form shows. */
@Singleton
class ProviderButtons implements SignInChoices {

    private final SsoProviders providers;
    private final PasswordFormSetting passwordForm;

    ProviderButtons(SsoProviders providers, PasswordFormSetting passwordForm) {
        this.providers = providers;
        this.passwordForm = passwordForm;
    }

    @Override
    public List<Button> buttons(Locale language, String next) {
        return providers.available().stream()
                .map(provider -> new Button(UriBuilder.of("/signin/sso").path(provider.name()).queryParam("next", next).toString(),
                        provider.label(language)))
                .toList();
    }

    @Override
    public boolean passwordForm() {
        // with no provider to sign in with, the password form is the only way in, whatever the setting says
        return providers.available().isEmpty() || passwordForm.shown();
    }
}
