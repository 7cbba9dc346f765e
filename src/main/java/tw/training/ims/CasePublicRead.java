package tw.training.ims;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecuredAnnotationRule;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * While the CASE provider is open to anyone ({@link CaseAccess}), its reads need no sign-in; this rule answers before the
 * controllers' {@code @Secured} (signed-in users) and says nothing of any other request, nor of any while it is closed.
 */
@Singleton
class CasePublicRead implements SecurityRule<HttpRequest<?>> {

    private final CaseAccess access;

    CasePublicRead(CaseAccess access) {
        this.access = access;
    }

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        boolean read = access.open() && request != null && request.getMethod() == HttpMethod.GET && request.getPath().startsWith(CaseController.ROOT + "/");
        return Mono.just(read ? SecurityRuleResult.ALLOWED : SecurityRuleResult.UNKNOWN);
    }

    @Override
    public int getOrder() {
        return SecuredAnnotationRule.ORDER - 100;
    }
}
