/**
 * Evidence from the workplace: reports by people who are not users (a supervisor, a client) about what they saw the
 * learner do, requested by signed link and frozen, once signed, as a canonical JSON document (RFC 8785) signed with
 * the service's Ed25519 key, which anyone can verify offline against the published key.
 */
package tw.training.thirdparty;
