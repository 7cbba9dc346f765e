package tw.training.course;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A revision's assessment plan: aligned tasks, their indicators and the methods each requires. Reads join the catalogue
 * for codes and texts; the catalogue never changes an imported document, so the join is stable.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface PlanRepository extends GenericRepository<Alignment, Long> {

    Alignment save(Alignment alignment);

    boolean existsByRevisionIdAndTaskId(long revisionId, long taskId);

    @Query("INSERT INTO plan_indicator (revision_id, indicator_id, alignment_id, third_party_alone)"
            + " VALUES (:revisionId, :indicatorId, :alignmentId, :thirdPartyAlone)")
    void addIndicator(long revisionId, long indicatorId, long alignmentId, boolean thirdPartyAlone);

    @Query("UPDATE plan_indicator SET third_party_alone = TRUE WHERE revision_id = :revisionId AND indicator_id = :indicatorId")
    void allowThirdPartyAlone(long revisionId, long indicatorId);

    @Query("INSERT INTO plan_method (revision_id, indicator_id, method) VALUES (:revisionId, :indicatorId, :method)")
    void addMethod(long revisionId, long indicatorId, String method);

    @Query("DELETE FROM plan_method WHERE revision_id = :revisionId AND indicator_id = :indicatorId")
    void removeMethods(long revisionId, long indicatorId);

    @Query("UPDATE plan_indicator SET min_pieces = :minPieces, min_methods = :minMethods, third_party_alone = :thirdPartyAlone"
            + " WHERE revision_id = :revisionId AND indicator_id = :indicatorId")
    void setSufficiency(long revisionId, long indicatorId, int minPieces, int minMethods, boolean thirdPartyAlone);

    @Query("DELETE FROM plan_method WHERE revision_id = :revisionId AND indicator_id IN (SELECT p.indicator_id FROM plan_indicator p"
            + " JOIN alignment a ON a.alignment_id = p.alignment_id WHERE a.revision_id = :revisionId AND a.task_id = :taskId)")
    void removeTaskMethods(long revisionId, long taskId);

    @Query("DELETE FROM plan_indicator WHERE alignment_id IN (SELECT alignment_id FROM alignment WHERE revision_id = :revisionId"
            + " AND task_id = :taskId)")
    void removeTaskIndicators(long revisionId, long taskId);

    @Query("DELETE FROM plan_method WHERE revision_id = :revisionId")
    void removeAllMethodsOf(long revisionId);

    @Query("DELETE FROM plan_indicator WHERE revision_id = :revisionId")
    void removeAllIndicatorsOf(long revisionId);

    @Query("DELETE FROM alignment WHERE revision_id = :revisionId")
    void removeAllAlignmentsOf(long revisionId);

    List<Alignment> findByRevisionId(long revisionId);

    /** Flags an indicator of a draft for the trainer to review (issue 35: carried only in part, or new); once. */
    @Query("INSERT INTO plan_review (revision_id, indicator_id, reason, from_code, note) VALUES (:revisionId, :indicatorId, :reason, :fromCode, :note)"
            + " ON CONFLICT DO NOTHING")
    void flag(long revisionId, long indicatorId, String reason, @Nullable String fromCode, @Nullable String note);

    @Query("DELETE FROM plan_review WHERE revision_id = :revisionId AND indicator_id = :indicatorId")
    void clearFlag(long revisionId, long indicatorId);

    @Query("DELETE FROM plan_review WHERE revision_id = :revisionId")
    void removeAllFlagsOf(long revisionId);

    @Query("DELETE FROM plan_review WHERE revision_id = :revisionId AND indicator_id IN (SELECT p.indicator_id FROM plan_indicator p"
            + " JOIN alignment a ON a.alignment_id = p.alignment_id WHERE a.revision_id = :revisionId AND a.task_id = :taskId)")
    void removeTaskFlags(long revisionId, long taskId);

    /** A review flag of a revision's plan. */
    @Introspected
    record Flag(long indicatorId, String reason, @Nullable String fromCode, @Nullable String note) {
    }

    @Query("SELECT indicator_id, reason, from_code, note FROM plan_review WHERE revision_id = :revisionId")
    List<Flag> flags(long revisionId);

    @Query("SELECT indicator_id FROM plan_indicator WHERE revision_id = :revisionId")
    List<Long> plannedIds(long revisionId);

    /** A revision's whole plan: its methods, planned indicators and alignments, in the order their keys need. */
    default void removeAllOf(long revisionId) {
        removeAllFlagsOf(revisionId);
        removeAllMethodsOf(revisionId);
        removeAllIndicatorsOf(revisionId);
        removeAllAlignmentsOf(revisionId);
    }

    @Query("DELETE FROM alignment WHERE revision_id = :revisionId AND task_id = :taskId")
    int removeAlignment(long revisionId, long taskId);

    /** The id of an indicator of the plan, given as STANDARDCODE and INDICATORCODE. */
    @Query("SELECT p.indicator_id FROM plan_indicator p JOIN indicator i ON i.indicator_id = p.indicator_id"
            + " JOIN standard s ON s.standard_id = i.standard_id WHERE p.revision_id = :revisionId AND s.code = :standardCode AND i.code = :indicatorCode")
    Optional<Long> plannedIndicator(long revisionId, String standardCode, String indicatorCode);

    /** A new draft starts as a copy of the plan it revises, set-based (modules are copied by {@link ModuleRepository}). */
    @Query("INSERT INTO alignment (revision_id, task_id, whole_task) SELECT :toRevision, task_id, whole_task FROM alignment"
            + " WHERE revision_id = :fromRevision")
    void copyAlignments(long fromRevision, long toRevision);

    @Query("INSERT INTO plan_indicator (revision_id, indicator_id, alignment_id, min_pieces, min_methods, third_party_alone)"
            + " SELECT :toRevision, p.indicator_id, n.alignment_id, p.min_pieces, p.min_methods, p.third_party_alone FROM plan_indicator p JOIN alignment o ON o.alignment_id = p.alignment_id"
            + " JOIN alignment n ON n.revision_id = :toRevision AND n.task_id = o.task_id WHERE p.revision_id = :fromRevision")
    void copyIndicators(long fromRevision, long toRevision);

    @Query("INSERT INTO plan_method (revision_id, indicator_id, method) SELECT :toRevision, indicator_id, method FROM plan_method"
            + " WHERE revision_id = :fromRevision")
    void copyMethods(long fromRevision, long toRevision);

    /** A task aligned in a revision, with its code, title and level. */
    @Introspected
    record Aligned(long alignmentId, boolean wholeTask, String standardCode, String taskCode, String title, @Nullable Integer competencyLevel) {
    }

    @Query("SELECT a.alignment_id, a.whole_task, s.code AS standard_code, t.code AS task_code, t.title, t.competency_level"
            + " FROM alignment a JOIN task t ON t.task_id = a.task_id JOIN standard s ON s.standard_id = t.standard_id"
            + " WHERE a.revision_id = :revisionId ORDER BY s.code, t.sort_order")
    List<Aligned> aligned(long revisionId);

    /** An indicator of a revision's plan with the alignment it came by, its task and its text. */
    @Introspected
    record Planned(long indicatorId, long alignmentId, String standardCode, String code, String content, String taskCode, String title,
                   int minPieces, int minMethods, boolean thirdPartyAlone) {
    }

    @Query("SELECT p.indicator_id, p.alignment_id, s.code AS standard_code, i.code, i.content, t.code AS task_code, t.title,"
            + " p.min_pieces, p.min_methods, p.third_party_alone FROM plan_indicator p"
            + " JOIN indicator i ON i.indicator_id = p.indicator_id JOIN task t ON t.task_id = i.task_id"
            + " JOIN standard s ON s.standard_id = i.standard_id WHERE p.revision_id = :revisionId ORDER BY s.code, t.sort_order, i.sort_order")
    List<Planned> planned(long revisionId);

    /** A method an indicator of a revision's plan requires. */
    @Introspected
    record Required(long indicatorId, AssessmentMethod method) {
    }

    @Query("SELECT indicator_id, method FROM plan_method WHERE revision_id = :revisionId")
    List<Required> required(long revisionId);

    default void align(long revisionId, long taskId, boolean wholeTask, Collection<Long> indicatorIds, Collection<AssessmentMethod> methods) {
        long alignmentId = save(new Alignment(null, revisionId, taskId, wholeTask)).id();
        for (long indicatorId : indicatorIds) {
            addIndicator(revisionId, indicatorId, alignmentId, reportsOnly(methods));
            methods.forEach(method -> addMethod(revisionId, indicatorId, method.name()));
        }
    }

    /** Removes an aligned task and its part of the plan; false when the task was not aligned. */
    default boolean unalign(long revisionId, long taskId) {
        removeTaskFlags(revisionId, taskId);
        removeTaskMethods(revisionId, taskId);
        removeTaskIndicators(revisionId, taskId);
        return removeAlignment(revisionId, taskId) > 0;
    }

    /** The trainer's methods for an indicator: what a migration flagged there is then seen to. */
    default void replaceMethods(long revisionId, long indicatorId, Collection<AssessmentMethod> methods) {
        clearFlag(revisionId, indicatorId);
        removeMethods(revisionId, indicatorId);
        methods.forEach(method -> addMethod(revisionId, indicatorId, method.name()));
        if (reportsOnly(methods)) {
            allowThirdPartyAlone(revisionId, indicatorId);
        }
    }

    /**
     * Whether a trainer named third-party reports as an indicator's only method: the explicit allowance the rule
     * "reports are supplementary" asks for (SPEC §3's alignment has no other way to say it, and its plans stay
     * publishable). The allowance may be taken back in the sufficiency matrix; the course is then not publishable
     * until another method is added.
     */
    static boolean reportsOnly(Collection<AssessmentMethod> methods) {
        return methods.size() == 1 && methods.contains(AssessmentMethod.THIRD_PARTY_REPORT);
    }

    default void copyPlan(long fromRevision, long toRevision) {
        copyAlignments(fromRevision, toRevision);
        copyIndicators(fromRevision, toRevision);
        copyMethods(fromRevision, toRevision);
    }

    /** The level of each task a revision aligns to, by task id ("KPS5294-001v4:T2.3"); a task without one is left out. */
    default Map<String, Integer> taskLevels(long revisionId) {
        Map<String, Integer> levels = new HashMap<>();
        aligned(revisionId).stream().filter(task -> task.competencyLevel() != null)
                .forEach(task -> levels.put(task.standardCode() + ":" + task.taskCode(), task.competencyLevel()));
        return levels;
    }

    default List<CourseView.Alignment> alignments(long revisionId) {
        Map<Long, List<String>> planned = new LinkedHashMap<>();
        planned(revisionId).forEach(indicator -> planned.computeIfAbsent(indicator.alignmentId(), key -> new ArrayList<>()).add(indicator.code()));
        return aligned(revisionId).stream().map(task -> new CourseView.Alignment(task.standardCode() + ":" + task.taskCode(), task.standardCode(),
                task.taskCode(), task.title(), task.competencyLevel(), task.wholeTask(), planned.getOrDefault(task.alignmentId(), List.of()))).toList();
    }

    default List<PlanEntry> planEntries(long revisionId) {
        Map<Long, Set<AssessmentMethod>> methods = new HashMap<>();
        required(revisionId).forEach(r -> methods.computeIfAbsent(r.indicatorId(), key -> EnumSet.noneOf(AssessmentMethod.class)).add(r.method()));
        return planned(revisionId).stream().map(p -> new PlanEntry(p.indicatorId(), p.standardCode() + ":" + p.code(), p.content(),
                p.standardCode() + ":" + p.taskCode(), p.title(), Set.copyOf(methods.getOrDefault(p.indicatorId(), Set.of())),
                new PlanEntry.Sufficiency(p.minPieces(), p.minMethods(), p.thirdPartyAlone()))).toList();
    }

    default List<CourseView.PlannedIndicator> plan(long revisionId) {
        Map<Long, Flag> flags = new HashMap<>();
        flags(revisionId).forEach(flag -> flags.put(flag.indicatorId(), flag));
        return planEntries(revisionId).stream().map(e -> {
            Flag flag = flags.get(e.indicatorId());
            return new CourseView.PlannedIndicator(e.id(), e.id().substring(0, e.id().indexOf(':')),
                    e.id().substring(e.id().indexOf(':') + 1), e.text(), e.taskId(), e.methods().stream().sorted().toList(),
                    e.sufficiency().minPieces(), e.sufficiency().minMethods(), e.sufficiency().thirdPartyAlone(),
                    flag == null ? null : new CourseView.Review(flag.reason(), flag.fromCode(), flag.note()));
        }).toList();
    }
}
