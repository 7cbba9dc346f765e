package tw.training.sso;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;

import java.util.Locale;
import java.util.Map;

/**
 * What this service adds to a provider's protocol settings: read from the same keys as Micronaut's client
 * ({@code micronaut.security.oauth2.clients.<name>}, so one prefix configures a provider whole): the button's label in
 * each language, whether a first sign-in may make an account, which claim carries roles and which of its values mean
 * which role (nothing else grants one: ADMIN least of all), and whom to ask for an account.
 */
@EachProperty("micronaut.security.oauth2.clients")
public class SsoProvider {

    private final String name;
    private @Nullable String labelZh;
    private @Nullable String labelEn;
    private boolean justInTime;
    private @Nullable String rolesClaim;
    private Map<String, String> roles = Map.of();
    private @Nullable String contact;

    SsoProvider(@Parameter String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** The button's words in a page of this language; the provider's name when none was configured. */
    public String label(Locale language) {
        String label = "en".equals(language.getLanguage()) ? labelEn : labelZh;
        return label == null || label.isBlank() ? name : label;
    }

    public boolean justInTime() {
        return justInTime;
    }

    public @Nullable String rolesClaim() {
        return rolesClaim;
    }

    /** A claim value (any case) to the role it grants. */
    public Map<String, String> roles() {
        return roles;
    }

    /** Whom a refused person should ask for an account (an office, an address); may be unset. */
    public @Nullable String contact() {
        return contact;
    }

    public void setLabelZh(@Nullable String labelZh) {
        this.labelZh = labelZh;
    }

    public void setLabelEn(@Nullable String labelEn) {
        this.labelEn = labelEn;
    }

    public void setJustInTime(boolean justInTime) {
        this.justInTime = justInTime;
    }

    public void setRolesClaim(@Nullable String rolesClaim) {
        this.rolesClaim = rolesClaim;
    }

    public void setRoles(@Nullable Map<String, String> roles) {
        this.roles = roles == null ? Map.of() : Map.copyOf(roles);
    }

    public void setContact(@Nullable String contact) {
        this.contact = contact;
    }
}
