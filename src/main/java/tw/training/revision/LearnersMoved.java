package tw.training.revision;

import java.util.List;

/** Learners were moved (issue 35): the moves, and the judgements they carried, for those who record what happened. */
public record LearnersMoved(List<Long> moveIds, List<Long> carriedJudgementIds) {

    public LearnersMoved {
        moveIds = List.copyOf(moveIds);
        carriedJudgementIds = List.copyOf(carriedJudgementIds);
    }
}
