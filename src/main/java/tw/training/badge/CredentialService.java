package tw.training.badge;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import tw.training.address.PublicUrl;
import tw.training.account.Actor;
import tw.training.certificate.CertificateService;
import tw.training.certificate.CertificateStatus;
import tw.training.certificate.CertificateView;
import tw.training.certificate.Verification;
import tw.training.ims.CaseIds;

import java.security.KeyPair;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A certificate as an Open Badges 3.0 {@code OpenBadgeCredential} (SPEC §12): the training provider as issuer, the course
 * as the achievement (its criteria the certified tasks and indicators in words, aligned to the tasks' CASE items), the
 * learner as subject, {@code validFrom} the issue time, a {@code BitstringStatusListEntry} for revocation a verifier can
 * follow (W3C Bitstring Status List, defined by the credentials v2 context, so covered by the signature and expanded by
 * every verifier), and a Data Integrity proof ({@code eddsa-rdfc-2022}) by the provider's key, published with the
 * issuer's profile.
 */
@Singleton
public class CredentialService {

    static final String ISSUER_PATH = "/issuers/provider";
    /** Where the 1EdTech revocation lists of credentials handed out before the bitstring lists stay answered. */
    static final String STATUS_PATH = "/credentials/status/";
    static final String STATUS_LIST_PATH = "/credentials/status-lists/";

    private final CertificateService certificates;
    private final BadgeKey key;
    private final PublishedKeys publishedKeys;
    private final String publicUrl;
    private final String issuerName;
    private final String issuerUrl;
    private final Clock clock;

    CredentialService(CertificateService certificates, BadgeKey key, PublishedKeys publishedKeys, Clock clock, PublicUrl publicUrl,
                      @Value("${app.badges.issuer-name:職能課程平台}") String issuerName, @Nullable @Value("${app.badges.issuer-url:}") String issuerUrl) {
        this.certificates = certificates;
        this.key = key;
        this.publishedKeys = publishedKeys;
        this.clock = clock;
        this.publicUrl = publicUrl.value();
        this.issuerName = issuerName;
        this.issuerUrl = issuerUrl == null || issuerUrl.isBlank() ? this.publicUrl : issuerUrl;
    }

    /** The learner's, the course's trainers' and admins' (anyone else: 404, as the certificate itself): Data Integrity proof. */
    public JsonObject credential(String number, Actor actor) {
        CertificateView certificate = certificates.get(number, actor);
        KeyPair pair = pair();
        return DataIntegrity.sign(unsigned(certificate, certificates.idOf(certificate)), new DataIntegrity.ProofOptions(certificate.issuedAt().truncatedTo(ChronoUnit.SECONDS)
                .toString(), verificationMethod(pair)), pair.getPrivate());
    }

    /** The same credential secured as a VC-JWT (VC-JOSE-COSE): the credential is the JWS payload, signed EdDSA. */
    public String jwt(String number, Actor actor) {
        CertificateView certificate = certificates.get(number, actor);
        KeyPair pair = pair();
        return VcJwt.sign(unsigned(certificate, certificates.idOf(certificate)), verificationMethod(pair), pair.getPrivate());
    }

    private String verificationMethod(KeyPair pair) {
        return keyId(Ed25519Keys.multikey(pair.getPublic()));
    }

    private JsonObject unsigned(CertificateView certificate, long id) {
        return Json.createObjectBuilder()
                .add("@context", Json.createArrayBuilder().add(BundledContexts.CREDENTIALS_V2).add(BundledContexts.OPEN_BADGES))
                .add("id", credentialId(certificate.number()))
                .add("type", Json.createArrayBuilder().add("VerifiableCredential").add("OpenBadgeCredential"))
                .add("issuer", profile())
                .add("validFrom", certificate.issuedAt().truncatedTo(ChronoUnit.SECONDS).toString())
                .add("name", certificate.course().title() + " 職能證書 " + certificate.number())
                .add("credentialSubject", Json.createObjectBuilder()
                        .add("type", Json.createArrayBuilder().add("AchievementSubject"))
                        .add("identifier", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("type", "IdentityObject").add("identityHash", certificate.learner().displayName())
                                .add("identityType", "name").add("hashed", false)))
                        .add("achievement", achievement(certificate)))
                .add("credentialStatus", statusEntry(id))
                .build();
    }

    /**
     * The issuer's profile with its keys, published at a stable address: what a verifier resolves the proof's key from.
     * The key that signs now comes first, then every published key ({@link PublishedKeys}): retired ones, so that what
     * they signed keeps verifying, and the next one during a rotation. A key's period, when the operator gave it, is its
     * {@code validFrom} and {@code validUntil}; no {@code expires} or {@code revoked}, which would tell verifiers to
     * refuse every proof of the key, the old credentials' included.
     */
    public JsonObject issuerDocument() {
        List<PublishedKeys.PublishedKey> keys = new ArrayList<>();
        keys.add(new PublishedKeys.PublishedKey(key.multikey(), null, null));
        keys.addAll(publishedKeys.keys());
        JsonArrayBuilder methods = Json.createArrayBuilder();
        JsonArrayBuilder assertion = Json.createArrayBuilder();
        for (PublishedKeys.PublishedKey published : keys) {
            methods.add(method(published));
            assertion.add(keyId(published.multikey()));
        }
        return Json.createObjectBuilder(profile().build())
                .add("@context", Json.createArrayBuilder().add(BundledContexts.CREDENTIALS_V2).add(BundledContexts.OPEN_BADGES)
                        .add("https://w3id.org/security/multikey/v1").add(Json.createObjectBuilder()
                                .add("validFrom", dateTime("validFrom")).add("validUntil", dateTime("validUntil"))))
                .add("verificationMethod", methods)
                .add("assertionMethod", assertion)
                .build();
    }

    private JsonObjectBuilder method(PublishedKeys.PublishedKey published) {
        JsonObjectBuilder method = Json.createObjectBuilder().add("id", keyId(published.multikey())).add("type", "Multikey")
                .add("controller", publicUrl + ISSUER_PATH).add("publicKeyMultibase", published.multikey());
        if (published.from() != null) {
            method.add("validFrom", published.from().toString());
        }
        if (published.until() != null) {
            method.add("validUntil", published.until().toString());
        }
        return method;
    }

    /** A key's verification method in the issuer's profile: what a proof names. */
    private String keyId(String multikey) {
        return publicUrl + ISSUER_PATH + "#" + multikey;
    }

    /** A key's period, in the credentials vocabulary's terms: the W3C context defines them for credentials only. */
    private static JsonObjectBuilder dateTime(String term) {
        return Json.createObjectBuilder().add("@id", "https://www.w3.org/2018/credentials#" + term)
                .add("@type", "http://www.w3.org/2001/XMLSchema#dateTime");
    }

    /** The credential's place in a status list: the bit that says whether it is revoked. */
    private JsonObjectBuilder statusEntry(long certificateId) {
        String list = publicUrl + STATUS_LIST_PATH + StatusLists.list(certificateId);
        String index = String.valueOf(StatusLists.index(certificateId));
        return Json.createObjectBuilder().add("id", list + "#" + index).add("type", "BitstringStatusListEntry")
                .add("statusPurpose", "revocation").add("statusListIndex", index).add("statusListCredential", list);
    }

    /**
     * A status list as the credential a verifier fetches (a {@code BitstringStatusListCredential}, signed like the
     * credentials): the revocation bits of certificates {@code list × 131,072} up to the next list. Null for a list past
     * the last certificate.
     */
    public @Nullable JsonObject statusList(long list) {
        if (list < 0 || StatusLists.first(list) > certificates.lastId()) {
            return null;
        }
        String id = publicUrl + STATUS_LIST_PATH + list;
        String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        JsonObject unsigned = Json.createObjectBuilder()
                .add("@context", Json.createArrayBuilder().add(BundledContexts.CREDENTIALS_V2))
                .add("id", id)
                .add("type", Json.createArrayBuilder().add("VerifiableCredential").add("BitstringStatusListCredential"))
                .add("issuer", publicUrl + ISSUER_PATH)
                .add("validFrom", now)
                .add("credentialSubject", Json.createObjectBuilder().add("id", id + "#list").add("type", "BitstringStatusList")
                        .add("statusPurpose", "revocation")
                        .add("encodedList", StatusLists.encoded(list, certificates.revokedBetween(StatusLists.first(list), StatusLists.last(list)))))
                .build();
        KeyPair pair = pair();
        return DataIntegrity.sign(unsigned, new DataIntegrity.ProofOptions(now, verificationMethod(pair)), pair.getPrivate());
    }

    /**
     * A credential's revocation list (1EdTech), for credentials handed out before the bitstring lists: the credential's id among {@code revokedCredentials} once its certificate is
     * revoked, with the reason. Public, addressed by the certificate's verification token (not its guessable number).
     */
    public @Nullable JsonObject status(String token) {
        Verification verification = certificates.verify(token);
        if (verification.status() == CertificateStatus.UNKNOWN) {
            return null;
        }
        JsonArrayBuilder revoked = Json.createArrayBuilder();
        if (verification.status() == CertificateStatus.REVOKED) {
            revoked.add(Json.createObjectBuilder().add("id", credentialId(verification.number())));
        }
        return Json.createObjectBuilder().add("id", publicUrl + STATUS_PATH + token).add("issuer", publicUrl + ISSUER_PATH)
                .add("revokedCredentials", revoked).build();
    }

    private JsonObjectBuilder profile() {
        return Json.createObjectBuilder().add("id", publicUrl + ISSUER_PATH).add("type", Json.createArrayBuilder().add("Profile"))
                .add("name", issuerName).add("url", issuerUrl);
    }

    private JsonObjectBuilder achievement(CertificateView certificate) {
        Map<String, String> frameworks = certificate.documents().stream().collect(Collectors.toMap(CertificateView.Document::code,
                CertificateView.Document::name, (a, b) -> a));
        StringBuilder criteria = new StringBuilder("完成課程「" + certificate.course().title() + "」並經評量達成下列工作任務之行為指標：");
        JsonArrayBuilder alignments = Json.createArrayBuilder();
        for (CertificateView.Task task : certificate.tasks()) {
            criteria.append("\n").append(task.id()).append(" ").append(task.title());
            if (task.level() != null) {
                criteria.append("（職能級別 ").append(task.level()).append("）");
            }
            task.indicators().forEach(i -> criteria.append("\n  ").append(i.id()).append(" ").append(i.text()));
            int colon = task.id().indexOf(':');
            String document = task.id().substring(0, colon);
            JsonObjectBuilder alignment = Json.createObjectBuilder().add("type", Json.createArrayBuilder().add("Alignment"))
                    .add("targetName", task.title()).add("targetUrl", CaseIds.itemUri(publicUrl, document, task.id().substring(colon + 1)))
                    .add("targetType", "CFItem").add("targetCode", task.id());
            if (frameworks.containsKey(document)) {
                alignment.add("targetFramework", frameworks.get(document));
            }
            alignments.add(alignment);
        }
        return Json.createObjectBuilder()
                .add("id", publicUrl + "/achievements/" + certificate.course().code())
                .add("type", Json.createArrayBuilder().add("Achievement"))
                .add("name", certificate.course().title())
                .add("description", "依勞動部 iCAP 職能基準設計之職能導向課程「" + certificate.course().title() + "」的結業證書。")
                .add("criteria", Json.createObjectBuilder().add("narrative", criteria.toString()))
                .add("alignment", alignments);
    }

    private String credentialId(String number) {
        return publicUrl + "/credentials/" + number;
    }

    /** The key; without one configured on a shared database, a configuration fault the log names (APP_BADGES_SIGNING_KEY). */
    private KeyPair pair() {
        return key.pair();
    }
}
