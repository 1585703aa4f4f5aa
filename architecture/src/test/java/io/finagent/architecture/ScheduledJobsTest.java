package io.finagent.architecture;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.finagent.architecture.fixture.RunsWhileStopping;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every scheduled job skips its runs while the application is not running
 * ({@code skipExecutionIf = Scheduled.ApplicationNotRunning.class}). The scheduler is stopped after
 * the connection pools are closed, so a job fired during a shutdown failed, and logged it, every
 * second for as long as the shutdown took ("outbox relay pass failed, will retry: Pool closed",
 * five times in a row). What must still be done on the way out (the last second's recall access
 * counts) is done by an observer of the {@code ShutdownEvent}.
 */
class ScheduledJobsTest {

    private static final String SCHEDULED = "io.quarkus.scheduler.Scheduled";
    private static final String NOT_RUNNING = "io.quarkus.scheduler.Scheduled$ApplicationNotRunning";

    /** Two or more schedules on one method are held in this container annotation. */
    private static final String SCHEDULES = "io.quarkus.scheduler.Scheduled$Schedules";

    private static final ArchRule SKIP_WHILE_NOT_RUNNING = methods().that().areAnnotatedWith(SCHEDULED).or().areAnnotatedWith(SCHEDULES)
            .should(new ArchCondition<JavaMethod>("skip their runs while the application is not running") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    if (!schedules(method).stream().allMatch(ScheduledJobsTest::skipsWhileNotRunning)) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName()
                                + " runs while the application stops: add skipExecutionIf = Scheduled.ApplicationNotRunning.class"));
                    }
                }
            });

    private static List<JavaAnnotation<?>> schedules(JavaMethod method) {
        if (method.isAnnotatedWith(SCHEDULED)) {
            return List.<JavaAnnotation<?>>of(method.getAnnotationOfType(SCHEDULED));
        }
        Object[] each = (Object[]) method.getAnnotationOfType(SCHEDULES).get("value").orElseThrow();
        return Arrays.stream(each).<JavaAnnotation<?>>map(a -> (JavaAnnotation<?>) a).toList();
    }

    private static boolean skipsWhileNotRunning(JavaAnnotation<?> schedule) {
        return schedule.get("skipExecutionIf").orElse(null) instanceof JavaClass predicate && predicate.getName().equals(NOT_RUNNING);
    }

    @Test
    void everyScheduledJobSkipsItsRunsWhileTheApplicationIsNotRunning() {
        SKIP_WHILE_NOT_RUNNING.check(Project.classes());
    }

    @Test
    void theRuleRefusesAJobThatRunsWhileTheApplicationStops() {
        AssertionError refused = assertThrows(AssertionError.class,
                () -> SKIP_WHILE_NOT_RUNNING.check(new ClassFileImporter().importClasses(RunsWhileStopping.class)));
        assertTrue(refused.getMessage().contains("RunsWhileStopping.tick()"), refused.getMessage());
        assertTrue(refused.getMessage().contains("RunsWhileStopping.twice()"), "a method of two schedules, one of them without: "
                + refused.getMessage());
        assertFalse(refused.getMessage().contains("RunsWhileStopping.stops()"), refused.getMessage());
    }
}
