package tw.training.account;

import io.micronaut.core.bind.ArgumentBinder;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.Set;

/** Lets controllers declare an {@link Actor} parameter: the signed-in user, from their token. */
@Singleton
class ActorBinder implements TypedRequestArgumentBinder<Actor> {

    @Override
    public Argument<Actor> argumentType() {
        return Argument.of(Actor.class);
    }

    @Override
    public ArgumentBinder.BindingResult<Actor> bind(ArgumentConversionContext<Actor> context, HttpRequest<?> request) {
        Optional<Actor> actor = request.getUserPrincipal(Authentication.class).flatMap(ActorBinder::actorOf);
        return actor.isPresent() ? () -> actor : ArgumentBinder.BindingResult.unsatisfied();
    }

    private static Optional<Actor> actorOf(Authentication authentication) {
        if (!(authentication.getAttributes().get(SignIn.USER_ID_CLAIM) instanceof Number userId)) {
            return Optional.empty();
        }
        return Optional.of(new Actor(userId.longValue(), authentication.getName(), Set.copyOf(authentication.getRoles())));
    }
}
