package tw.training.problem;

/** A failure a feature expects and can explain to the client; its message is safe to show. */
public abstract sealed class DomainException extends RuntimeException
        permits NotFoundException, ConflictException, InvalidInputException, ForbiddenException,
        PayloadTooLargeException, UnsupportedContentException, TooManyRequestsException, UnavailableException {

    protected DomainException(String message) {
        super(message);
    }
}
