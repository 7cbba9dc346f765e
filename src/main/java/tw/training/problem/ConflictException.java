package tw.training.problem;

/** The request contradicts what is already stored (the same code with other content, say). */
public final class ConflictException extends DomainException {

    public ConflictException(String message) {
        super(message);
    }
}
