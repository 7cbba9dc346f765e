package tw.training.ims;

import io.micronaut.context.annotation.Requires;
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
 * When the administrator has opened the CASE provider to anyone ({@code app.case.public-read: true}), its reads need no
 * sign-in; this rule answers before the controllers' {@code @Secured} (signed-in users) and says nothing of any other
 * request. Without the setting it does not exist.
 */
@Singleton
@Requires(property = "app.case.public-read", value = "true")
class CasePublicRead implements SecurityRule<HttpRequest<?>> {

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        boolean read = request != null && request.getMethod() == HttpMethod.GET && request.getPath().startsWith(CaseController.ROOT + "/");
        return Mono.just(read ? SecurityRuleResult.ALLOWED : SecurityRuleResult.UNKNOWN);
    }

    @Override
    public int getOrder() {
        return SecuredAnnotationRule.ORDER - 100;
    }
}
