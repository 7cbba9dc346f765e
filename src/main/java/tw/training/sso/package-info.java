/**
 * Signing in with an institution's account: OpenID Connect providers by configuration (authorization code flow with
 * PKCE, state and nonce, done by Micronaut Security's OAuth 2.0 module), external identities as (issuer, subject)
 * linked to local users, just-in-time accounts with roles from a claim, linking an existing account only after its
 * owner confirms with their password (or an administrator links it), and every sign-in, link, unlink and refusal in
 * the security audit trail. A sign-in here opens the same page session as a password sign-in.
 */
package tw.training.sso;
