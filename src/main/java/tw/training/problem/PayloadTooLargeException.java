package tw.training.problem;

/** An upload beyond the configured limits (size of a file, number of files). */
public final class PayloadTooLargeException extends DomainException {

    public PayloadTooLargeException(String message) {
        super(message);
    }
}
