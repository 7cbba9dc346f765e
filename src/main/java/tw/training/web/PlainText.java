package tw.training.web;

import io.micronaut.aop.Around;
import io.micronaut.context.annotation.Type;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a controller: every request body its routes take is checked for text that cannot be stored (control
 * characters, half a surrogate pair) before the route runs, and refused with 422 naming each field
 * ({@link tw.training.problem.Text}). ArchitectureTest requires it on every controller that takes a body.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Around
@Type(PlainTextInterceptor.class)
public @interface PlainText {
}
