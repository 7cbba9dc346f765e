package tw.training.portfolio;

import tw.training.enrollment.EnrollmentView;
import tw.training.evidence.EvidenceStatus;
import tw.training.evidence.Views;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The learner's evidence across their courses, each piece with where it stands. */
final class Portfolio {

    private Portfolio() {
    }

    /** Where a piece of evidence stands for its learner. */
    public enum State {
        /** Some indicator it claims has no judgement yet. */
        AWAITING,
        /** Every indicator it claims has been judged. */
        JUDGED,
        WITHDRAWN
    }

    public record Entry(Views.Evidence evidence, EnrollmentView enrollment, State state) {
    }

    static List<Entry> entries(List<Views.Evidence> evidence, Map<Long, EnrollmentView> enrollments) {
        return evidence.stream().filter(piece -> enrollments.containsKey(piece.enrollmentId()))
                .map(piece -> new Entry(piece, enrollments.get(piece.enrollmentId()), state(piece)))
                .sorted((a, b) -> b.evidence().submittedAt().compareTo(a.evidence().submittedAt()))
                .toList();
    }

    static State state(Views.Evidence piece) {
        if (piece.status() == EvidenceStatus.WITHDRAWN) {
            return State.WITHDRAWN;
        }
        boolean allJudged = piece.indicators().stream()
                .allMatch(indicator -> piece.judgements().stream().anyMatch(judgement -> Objects.equals(judgement.indicator(), indicator)));
        return allJudged ? State.JUDGED : State.AWAITING;
    }
}
