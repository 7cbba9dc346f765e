package tw.training.web;

import io.micronaut.http.HttpStatus;

/** Each kind of failure with its stable type URI and fixed title; clients branch on the type. */
enum ProblemKind {
    INVALID_INPUT(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-input", "The request is not valid"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found"),
    CONFLICT(HttpStatus.CONFLICT, "conflict", "Conflicts with what is stored"),
    GONE(HttpStatus.GONE, "gone", "Gone for good"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Not allowed"),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized", "Sign-in required"),
    BAD_REQUEST(HttpStatus.BAD_REQUEST, "bad-request", "The request cannot be read"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "No acceptable representation"),
    PAYLOAD_TOO_LARGE(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "payload-too-large", "The request is too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported content type"),
    TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests"),
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Temporarily unavailable"),
    UNEXPECTED(HttpStatus.INTERNAL_SERVER_ERROR, "unexpected", "Unexpected failure");

    private static final String TYPE_BASE = "urn:competency:problem:";

    final HttpStatus status;
    final String type;
    final String title;

    ProblemKind(HttpStatus status, String type, String title) {
        this.status = status;
        this.type = TYPE_BASE + type;
        this.title = title;
    }

    /** The title as a phrase, for a refusal that has nothing more particular to say. */
    tw.training.phrase.Phrase phrase() {
        return tw.training.phrase.Phrase.of("problem." + type.substring(TYPE_BASE.length()));
    }

    /** The kind for a status the framework chose (unknown route, wrong method, unreadable body…). */
    static ProblemKind of(HttpStatus status) {
        for (ProblemKind kind : values()) {
            if (kind.status == status) {
                return kind;
            }
        }
        return status.getCode() >= 500 ? UNEXPECTED : BAD_REQUEST;
    }
}
