package tw.training.course;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** What a learner reads about the course they joined: its description and who teaches it, by display name, the owner first. */
public record CourseAbout(@Nullable String description, List<String> teachers) {
}
