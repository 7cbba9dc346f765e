package tw.training.course;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.math.BigDecimal;

/** A row of {@code course_module}: a module of a revision, in order, with its hours. */
@MappedEntity("course_module")
record CourseModule(@Id @GeneratedValue @MappedProperty("module_id") @Nullable Long id, long revisionId, int sortOrder, String title,
                    BigDecimal hours, @Nullable String description) {
}
