package tw.training.web;

import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.core.type.MutableArgumentValue;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Part;
import jakarta.inject.Singleton;
import tw.training.problem.Text;

/** Checks the bodies of {@link PlainText} routes; see there. */
@Singleton
class PlainTextInterceptor implements MethodInterceptor<Object, Object> {

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        for (MutableArgumentValue<?> argument : context.getParameters().values()) {
            if (argument.isAnnotationPresent(Body.class) || argument.isAnnotationPresent(Part.class)) {
                // fields of a body are named from its root, as clients wrote them: "title", "[3].comment"
                Text.requirePlain(argument.isAnnotationPresent(Body.class) ? "" : argument.getName(), argument.getValue());
            }
        }
        return context.proceed();
    }
}
