package tw.training.course;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import tw.training.account.Actor;
import tw.training.problem.InvalidInputException;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Issue 35: a course's plan moved to a newer version of a document, as a confirmed crosswalk says ({@link Realignment}). */
@Singleton
public class PlanMigration {

    private final CourseService courses;
    private final PlanRepository plans;
    private final ModuleRepository modules;

    PlanMigration(CourseService courses, PlanRepository plans, ModuleRepository modules) {
        this.courses = courses;
        this.plans = plans;
        this.modules = modules;
    }

    /**
     * Issue 35: moves the course's plan to a newer version of a document, in its draft (opened from the published plan
     * if there is none): each older aligned task becomes its newer tasks, each older planned indicator its newer ones
     * with its methods and sufficiency, flagged for review where only PARTIAL; NEW indicators of a whole task are added
     * without a method (publishing then asks for one), flagged too; modules cover the newer tasks. Indicators of other
     * documents stay as they are. Nothing of the older version left in the draft: moving it again changes nothing.
     * Publishing the draft stays the trainer's decision.
     *
     * @return the draft, and whether anything moved
     */
    @Transactional
    public CourseView realign(long courseId, Realignment realignment, Actor actor) {
        List<Alignment> latest = plans.findByRevisionId(courses.latestRevision(courseId, actor));
        if (latest.stream().noneMatch(a -> realignment.tasks().containsKey(a.taskId()))) {
            // moved already (nothing of the older version left), or never aligned to it: no draft is opened for nothing
            Set<Long> newer = new HashSet<>(realignment.taskOf().values());
            if (latest.stream().anyMatch(a -> newer.contains(a.taskId()))) {
                return courses.get(courseId, actor);
            }
            throw InvalidInputException.of("crosswalk", "course.not-aligned-to", realignment.source());
        }
        CourseService.Drafting drafting = courses.drafting(courseId, actor);
        long revision = drafting.draft().id();
        List<Alignment> older = plans.findByRevisionId(revision).stream().filter(a -> realignment.tasks().containsKey(a.taskId())).toList();
        if (older.isEmpty()) {
            return courses.view(drafting);
        }
        Map<Long, Set<AssessmentMethod>> methods = new HashMap<>();
        plans.required(revision).forEach(r -> methods.computeIfAbsent(r.indicatorId(), k -> EnumSet.noneOf(AssessmentMethod.class)).add(r.method()));
        Set<Long> olderAlignments = older.stream().map(Alignment::id).collect(Collectors.toSet());
        List<PlanRepository.Planned> moving = plans.planned(revision).stream().filter(p -> olderAlignments.contains(p.alignmentId())).toList();
        older.forEach(a -> plans.unalign(revision, a.taskId()));
        Map<Long, Long> alignmentOf = new HashMap<>();
        plans.findByRevisionId(revision).forEach(a -> alignmentOf.put(a.taskId(), a.id()));
        for (Alignment a : older) {
            for (long task : realignment.tasks().get(a.taskId())) {
                alignmentOf.computeIfAbsent(task, t -> plans.save(new Alignment(null, revision, t, a.wholeTask())).id());
                modules.coverToo(revision, a.taskId(), task);
            }
            modules.uncover(revision, a.taskId());
        }
        Set<Long> planned = new HashSet<>(plans.plannedIds(revision));
        for (PlanRepository.Planned p : moving) {
            for (Realignment.Target target : realignment.indicators().getOrDefault(p.indicatorId(), List.of())) {
                long task = realignment.taskOf().get(target.indicatorId());
                long alignment = alignmentOf.computeIfAbsent(task, t -> plans.save(new Alignment(null, revision, t, false)).id());
                if (planned.add(target.indicatorId())) {
                    plans.addIndicator(revision, target.indicatorId(), alignment, p.thirdPartyAlone());
                    plans.setSufficiency(revision, target.indicatorId(), p.minPieces(), p.minMethods(), p.thirdPartyAlone());
                }
                Set<AssessmentMethod> already = methods.getOrDefault(target.indicatorId(), Set.of());
                methods.getOrDefault(p.indicatorId(), Set.of()).stream().filter(m -> !already.contains(m))
                        .forEach(m -> plans.addMethod(revision, target.indicatorId(), m.name()));
                methods.computeIfAbsent(target.indicatorId(), k -> EnumSet.noneOf(AssessmentMethod.class)).addAll(methods.getOrDefault(p.indicatorId(), Set.of()));
                if (target.review()) {
                    plans.flag(revision, target.indicatorId(), "PARTIAL", realignment.codes().get(p.indicatorId()), target.note());
                }
            }
        }
        for (Alignment a : older) {
            if (!a.wholeTask()) {
                continue;
            }
            for (long task : realignment.tasks().get(a.taskId())) {
                for (long added : realignment.added().getOrDefault(task, List.of())) {
                    if (planned.add(added)) {
                        plans.addIndicator(revision, added, alignmentOf.get(task), false);
                        plans.flag(revision, added, "NEW", null, realignment.source());
                    }
                }
            }
        }
        return courses.view(drafting);
    }

}
