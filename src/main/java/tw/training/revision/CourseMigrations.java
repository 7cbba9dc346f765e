package tw.training.revision;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import tw.training.account.Actor;
import tw.training.catalogue.CatalogueService;
import tw.training.catalogue.TaskReference;
import tw.training.catalogue.document.CompetencyDocument;
import tw.training.catalogue.document.Task;
import tw.training.course.CourseView;
import tw.training.course.PlanMigration;
import tw.training.course.Realignment;
import tw.training.problem.ConflictException;
import tw.training.problem.InvalidInputException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A course's plan moved through a confirmed crosswalk into a draft aligned to the newer version ({@link PlanMigration}):
 * methods carried where EQUIVALENT, carried and flagged where PARTIAL, NEW indicators of whole tasks added without a
 * method. Publishing the draft is the trainer's decision.
 */
@Singleton
public class CourseMigrations {

    private final Crosswalks crosswalks;
    private final CatalogueService catalogue;
    private final PlanMigration migration;

    CourseMigrations(Crosswalks crosswalks, CatalogueService catalogue, PlanMigration migration) {
        this.crosswalks = crosswalks;
        this.catalogue = catalogue;
        this.migration = migration;
    }

    public CourseView migrate(long courseId, @Nullable Long crosswalkId, Actor actor) {
        if (crosswalkId == null) {
            throw InvalidInputException.of("crosswalk", "revision.crosswalk-required");
        }
        Crosswalk crosswalk = crosswalks.get(crosswalkId);
        if (crosswalk.status() != CrosswalkStatus.CONFIRMED) {
            throw new ConflictException("revision.crosswalk-not-confirmed", crosswalkId);
        }
        return migration.realign(courseId, realignment(crosswalk), actor);
    }

    /** The crosswalk's lines as row ids of the two versions' tasks and indicators. */
    Realignment realignment(Crosswalk crosswalk) {
        Ids older = ids(catalogue.get(crosswalk.from()));
        Ids newer = ids(catalogue.get(crosswalk.to()));
        Map<Long, List<Long>> tasks = new HashMap<>();
        Map<Long, List<Realignment.Target>> indicators = new HashMap<>();
        Map<Long, List<Long>> added = new HashMap<>();
        Map<Long, String> codes = new HashMap<>();
        for (Crosswalk.Line line : crosswalk.lines()) {
            boolean task = line.kind() == ItemKind.TASK;
            if (line.from() == null) {
                if (!task) {
                    long indicator = newer.indicators().get(line.to());
                    added.computeIfAbsent(newer.taskOf().get(indicator), t -> new ArrayList<>()).add(indicator);
                }
                continue;
            }
            long from = (task ? older.tasks() : older.indicators()).get(line.from());
            if (task) {
                List<Long> targets = tasks.computeIfAbsent(from, t -> new ArrayList<>());
                if (line.to() != null) {
                    targets.add(newer.tasks().get(line.to()));
                }
            } else {
                codes.put(from, crosswalk.from() + ":" + line.from());
                List<Realignment.Target> targets = indicators.computeIfAbsent(from, t -> new ArrayList<>());
                if (line.to() != null) {
                    targets.add(new Realignment.Target(newer.indicators().get(line.to()), line.relation() == Relation.PARTIAL, line.note()));
                }
            }
        }
        return new Realignment(tasks, indicators, newer.taskOf(), added, codes, crosswalk.from() + " → " + crosswalk.to());
    }

    /** A version's tasks and indicators by code, and each indicator's task, as row ids. */
    private record Ids(Map<String, Long> tasks, Map<String, Long> indicators, Map<Long, Long> taskOf) {
    }

    private Ids ids(CompetencyDocument document) {
        Map<String, Long> tasks = new HashMap<>();
        Map<String, Long> indicators = new HashMap<>();
        Map<Long, Long> taskOf = new HashMap<>();
        for (Task task : document.tasks()) {
            TaskReference located = catalogue.locateTask(document.code(), task.code()).orElseThrow();
            tasks.put(task.code(), located.taskId());
            located.indicators().forEach(i -> {
                indicators.put(i.code(), i.indicatorId());
                taskOf.put(i.indicatorId(), located.taskId());
            });
        }
        return new Ids(tasks, indicators, taskOf);
    }
}
