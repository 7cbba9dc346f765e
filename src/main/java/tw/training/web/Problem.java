package tw.training.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An RFC 9457 problem detail. {@code code} is the refusal's stable machine code (a client branches on it and on
 * the type); {@code detail} and each error's {@code message} are in the language {@code Accept-Language} asks for,
 * English when it asks for none of ours.
 *
 * @param errorId set on unexpected failures only: quote it to find the logged cause
 */
@Serdeable
public record Problem(String type, String title, int status, String code, String detail, @Nullable String instance,
                      @Nullable String errorId, List<Fault> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field or line at fault, with the code of what is wrong and its words. */
    @Serdeable
    public record Fault(@Nullable String field, @Nullable Integer line, String code, String message) {
    }
}
