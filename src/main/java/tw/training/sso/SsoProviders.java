package tw.training.sso;

import io.micronaut.context.BeanContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.security.oauth2.client.OauthClient;
import io.micronaut.security.oauth2.client.OpenIdProviderMetadata;
import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The providers people can sign in with: those configured whose discovery document was read at start (a provider
 * unreachable then has no client, and no button, rather than a button that fails).
 */
@Singleton
public class SsoProviders {

    private final List<SsoProvider> configured;
    private final BeanContext beans;

    SsoProviders(List<SsoProvider> configured, BeanContext beans) {
        this.configured = configured.stream().sorted(Comparator.comparing(SsoProvider::name)).toList();
        this.beans = beans;
    }

    public List<SsoProvider> available() {
        return configured.stream().filter(provider -> beans.findBean(OauthClient.class, Qualifiers.byName(provider.name())).isPresent()).toList();
    }

    public Optional<SsoProvider> named(String name) {
        return configured.stream().filter(provider -> provider.name().equals(name)).findFirst();
    }

    /** What the provider's discovery document said: its issuer (as its tokens carry it) and endpoints. */
    public Optional<OpenIdProviderMetadata> metadata(String name) {
        return named(name).flatMap(provider -> beans.findBean(OpenIdProviderMetadata.class, Qualifiers.byName(name)));
    }

    public Optional<String> issuer(String name) {
        return metadata(name).map(OpenIdProviderMetadata::getIssuer);
    }

    /** Where the provider signs its user out, if it says (RP-initiated logout). */
    public Optional<String> endSessionEndpoint(String name) {
        return metadata(name).map(OpenIdProviderMetadata::getEndSessionEndpoint).filter(url -> !url.isBlank());
    }

    /** The client id this service is registered under at the provider. */
    public Optional<String> clientId(String name) {
        return beans.findBean(io.micronaut.security.oauth2.configuration.OauthClientConfiguration.class, Qualifiers.byName(name))
                .map(io.micronaut.security.oauth2.configuration.OauthClientConfiguration::getClientId);
    }
}
