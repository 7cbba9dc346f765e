package tw.training.evidence;

import tw.training.problem.InvalidInputException;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The claim as the evidence page's form sends it, one field per part: the CSRF token first (the form puts it
 * first, so a forged post is refused before a byte of its files is stored), then {@code method}, {@code title},
 * {@code description}, {@code performedOn} and one {@code indicators} part per ticked indicator. What was read stays readable, so that a
 * refused form can be shown again as the learner filled it.
 */
public final class FormFields implements Submission.Fields {

    private final Consumer<String> csrf;
    private boolean csrfChecked;
    private String method;
    private String title;
    private String description;
    private final List<String> indicators = new ArrayList<>();
    private String submissionKey;
    private String performedOn;
    private Function<Views.SubmitMetadata, EvidenceService.Claim> check;

    /** @param csrf checks the form's CSRF token (the {@code _csrf} part), refusing by an exception */
    public FormFields(Consumer<String> csrf) {
        this.csrf = csrf;
    }

    void checkWith(Function<Views.SubmitMetadata, EvidenceService.Claim> check) {
        this.check = check;
    }

    @Override
    public void field(String name, InputStream content) throws IOException {
        String value = Submission.text(name, content);
        if (!csrfChecked) {
            csrf.accept(name.equals("_csrf") ? value : null);
            csrfChecked = true;
            return;
        }
        switch (name) {
            case "method" -> method = value;
            case "title" -> title = value;
            case "description" -> description = value;
            case "indicators" -> indicators.add(value);
            case "submissionKey" -> submissionKey = value;
            case "performedOn" -> performedOn = value;
            default -> throw InvalidInputException.of(Submission.shown(name), "evidence.unknown-field");
        }
    }

    /** The token must have come before any file: a post whose first part is a file is refused before a byte of it is staged. */
    @Override
    public void beforeFile() {
        if (!csrfChecked) {
            csrf.accept(null);
            csrfChecked = true;
        }
    }

    @Override
    public EvidenceService.Claim claim() {
        if (!csrfChecked) {
            csrf.accept(null);
        }
        return check.apply(new Views.SubmitMetadata(method, title, description == null || description.isBlank() ? null : description,
                List.copyOf(indicators), submissionKey, performedOn == null || performedOn.isBlank() ? null : performedOn));
    }

    public String method() {
        return method;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public List<String> indicators() {
        return List.copyOf(indicators);
    }

    public String performedOn() {
        return performedOn;
    }
}
