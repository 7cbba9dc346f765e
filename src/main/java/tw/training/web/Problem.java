package tw.training.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import tw.training.problem.InputError;

import java.util.List;

/**
 * An RFC 9457 problem detail.
 *
 * @param errorId set on unexpected failures only: quote it to find the logged cause
 */
@Serdeable
public record Problem(String type, String title, int status, String detail, @Nullable String instance,
                      @Nullable String errorId, List<InputError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
