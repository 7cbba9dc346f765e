package tw.training.problem;

/** Content whose type, told by its bytes, is not among the accepted ones. */
public final class UnsupportedContentException extends DomainException {

    public UnsupportedContentException(String message) {
        super(message);
    }
}
