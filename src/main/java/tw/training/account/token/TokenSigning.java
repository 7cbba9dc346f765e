package tw.training.account.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Factory;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Signs access tokens with HS256 and the current secret; verifies them with it or with any secret listed as accepted
 * ({@link TokenSecret}). Micronaut accepts a token that any signature configuration verifies.
 */
@Factory
class TokenSigning {

    @Singleton
    @Named("generator")
    SignatureGeneratorConfiguration signature(TokenSecret secret) {
        SecretSignatureConfiguration configuration = new SecretSignatureConfiguration("generator");
        configuration.setSecret(secret.value());
        configuration.setJwsAlgorithm(JWSAlgorithm.HS256);
        return new SecretSignature(configuration);
    }

    @Singleton
    @Named("accepted")
    SignatureConfiguration accepted(TokenSecret secret) throws JOSEException {
        List<MACVerifier> verifiers = new ArrayList<>();
        for (String accepted : secret.accepted()) {
            verifiers.add(new MACVerifier(accepted.getBytes(StandardCharsets.UTF_8)));
        }
        return new SignatureConfiguration() {
            @Override
            public String supportedAlgorithmsMessage() {
                return "Only the HS256 algorithm is supported";
            }

            @Override
            public boolean supports(JWSAlgorithm algorithm) {
                return JWSAlgorithm.HS256.equals(algorithm);
            }

            @Override
            public boolean verify(SignedJWT jwt) throws JOSEException {
                for (MACVerifier verifier : verifiers) {
                    if (jwt.verify(verifier)) {
                        return true;
                    }
                }
                return false;
            }
        };
    }
}
