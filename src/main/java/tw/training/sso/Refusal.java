package tw.training.sso;

/**
 * Why a sign-in through a provider did not sign anyone in; each has its page text ({@code sso.refused.<name>}) and
 * its audit entry.
 */
public enum Refusal {
    /** Not refused yet: a local user has the provider's verified address and must confirm with their password. */
    CONFIRM,
    /** The state came back unknown or different: a response not started by this browser, or started too long ago. */
    STATE,
    /** The provider would not exchange the code (used already, expired, or not its own). */
    CODE,
    /** The ID token failed a check: signature, issuer, audience, expiry or nonce. */
    TOKEN,
    /** This ID token was accepted once already. */
    REPLAYED,
    /** The provider answered with an error (the person cancelled, or the provider refused them). */
    PROVIDER_ERROR,
    /** The linked user is disabled. */
    DISABLED,
    /** A local user has the address, but the provider does not say it verified it. */
    UNVERIFIED_EMAIL,
    /** A local user has the address, and cannot confirm with a password (SSO only, or several share it): an administrator links it. */
    ADMINISTRATOR_MUST_LINK,
    /** No user has this identity and the provider may not make accounts. */
    NO_ACCOUNT,
    /** A just-in-time account needs an e-mail address, and the provider gave none. */
    NO_EMAIL,
    /** Something failed on our side or the provider's while signing in; trying again may work. */
    FAILED
}
