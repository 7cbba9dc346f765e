package tw.training.sso;

import tw.training.account.Roles;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The roles a just-in-time account gets from its provider's claim: each value (a string or a list of them) that the
 * provider's configuration maps to a role grants that role; nothing else does, so a group that merely happens to be
 * called "ADMIN" grants nothing. With no value mapped, the account is a LEARNER.
 */
final class RoleClaim {

    private RoleClaim() {
    }

    static Set<String> roles(SsoProvider provider, Map<String, Object> claims) {
        Set<String> granted = new LinkedHashSet<>();
        Object claim = provider.rolesClaim() == null ? null : claims.get(provider.rolesClaim());
        Collection<?> values = claim instanceof Collection<?> many ? many : claim == null ? Set.of() : Set.of(claim);
        for (Object value : values) {
            String role = mapped(provider.roles(), String.valueOf(value));
            if (role != null) {
                granted.add(role);
            }
        }
        return granted.isEmpty() ? Set.of(Roles.LEARNER) : granted;
    }

    /** The role a value maps to (keys and values in any case; environment variables arrive in lower case). */
    private static String mapped(Map<String, String> mapping, String value) {
        for (Map.Entry<String, String> entry : mapping.entrySet()) {
            String role = entry.getValue().strip().toUpperCase(Locale.ROOT);
            if (entry.getKey().equalsIgnoreCase(value.strip()) && Roles.ALL.contains(role)) {
                return role;
            }
        }
        return null;
    }
}
