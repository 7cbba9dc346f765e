package tw.training.testing;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real OpenID Connect provider in the test JVM (NAV's mock-oauth2-server: discovery, authorization endpoint with
 * PKCE, token endpoint, JWKS, end-session), on a port of its own. Without interactive login it answers the
 * authorization request at once with a code; the token it then issues carries what {@link #next} enqueued.
 */
public final class IdentityProvider implements AutoCloseable {

    public static final String CLIENT_ID = "competency-backend";
    public static final String CLIENT_SECRET = "test-secret";

    private final MockOAuth2Server server;

    public IdentityProvider(boolean interactiveLogin) {
        server = new MockOAuth2Server(new OAuth2Config(interactiveLogin));
        server.start(0);
    }

    public IdentityProvider() {
        this(false);
    }

    /** The issuer of {@code issuerId}: each id on this server is an issuer of its own, with its own key. */
    public String issuer(String issuerId) {
        return server.issuerUrl(issuerId).toString().replaceAll("/$", "");
    }

    public String jwks(String issuerId) {
        return server.jwksUrl(issuerId).toString();
    }

    /**
     * The settings of a provider {@code name} of this service at issuer {@code issuerId}: the protocol's (Micronaut's
     * client) and the service's own (labels, just-in-time accounts, roles from the {@code groups} claim).
     */
    public Map<String, String> properties(String name, String issuerId, boolean justInTime) {
        String prefix = "micronaut.security.oauth2.clients." + name + ".";
        Map<String, String> properties = new HashMap<>();
        properties.put(prefix + "client-id", CLIENT_ID);
        properties.put(prefix + "client-secret", CLIENT_SECRET);
        properties.put(prefix + "openid.issuer", issuer(issuerId));
        properties.put(prefix + "scopes", "openid,email,profile");
        properties.put(prefix + "label-zh", "學校帳號 " + name);
        properties.put(prefix + "label-en", "School account " + name);
        properties.put(prefix + "just-in-time", String.valueOf(justInTime));
        properties.put(prefix + "roles-claim", "groups");
        properties.put(prefix + "roles.teachers", "TRAINER");
        properties.put(prefix + "contact", "the computer centre, it@school.example");
        return properties;
    }

    /** What the next token of {@code issuerId} says: its subject, audience (null: the client's) and claims, valid for {@code expiry} seconds. */
    public void next(String issuerId, String subject, List<String> audience, Map<String, Object> claims, long expiry) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", audience, claims, expiry));
    }

    public void next(String issuerId, String subject, Map<String, Object> claims) {
        next(issuerId, subject, List.of(CLIENT_ID), claims, 3600);
    }

    /** A token signed with the key of {@code issuerId}, carrying any claims: what a provider could mint at will. */
    public String mint(String issuerId, Map<String, Object> claims) {
        return server.issueToken(issuerId, CLIENT_ID, new DefaultOAuth2TokenCallback(issuerId, "minted", "JWT", List.of(CLIENT_ID), claims, 3600))
                .serialize();
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
