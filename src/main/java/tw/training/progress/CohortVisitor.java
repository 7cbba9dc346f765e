package tw.training.progress;

import tw.training.course.EnrolledPlans;
import java.util.List;

/** Receives a course's cohort one enrollment at a time, as the rows arrive from the database. */
interface CohortVisitor {

    /** @param met the indicators of the enrollment's own plan it has met, in the order the ledger keeps them */
    void row(ProgressQueries.Member member, List<EnrolledPlans.Indicator> met, ProgressView.Summary summary);
}
