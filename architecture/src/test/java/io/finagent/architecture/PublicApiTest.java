package io.finagent.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.finagent.architecture.fixture.InternalApiUser;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every module's classes, main and test, use the frameworks' public API only: what a framework
 * marks internal changes or disappears without notice (Vert.x 5 removed {@code ContextInternal} from
 * where the cache used it). Deprecated API is refused by the compiler ({@code -Xlint:deprecation
 * -Werror} in the parent pom); this checks what the compiler cannot know is internal.
 */
class PublicApiTest {

    /**
     * Classes of a Quarkus {@code runtime} package that are public API all the same: the documented
     * lifecycle events, configuration types, and the authentication mechanism's SPI with
     * smallrye-jwt's mechanism, which the security guide shows delegating to.
     */
    private static final Set<String> PUBLIC_RUNTIME_CLASSES = Set.of(
            "io.quarkus.runtime.StartupEvent", "io.quarkus.runtime.ShutdownEvent", "io.quarkus.runtime.Startup",
            "io.quarkus.runtime.configuration.MemorySize", "io.quarkus.runtime.configuration.DurationConverter",
            "io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism",
            "io.quarkus.vertx.http.runtime.security.ChallengeData",
            "io.quarkus.vertx.http.runtime.security.HttpCredentialTransport",
            "io.quarkus.smallrye.jwt.runtime.auth.JWTAuthMechanism");

    private static final ArchRule NO_INTERNAL_PACKAGES = noClasses().should().dependOnClassesThat().resideInAnyPackage(
                    "io.vertx..impl..", "io.vertx..internal..", "io.vertx..spi..",
                    "io.quarkus..impl..", "io.quarkus..internal..", "io.quarkus..deployment..",
                    "io.smallrye..impl..", "io.smallrye..internal..",
                    "org.jboss.resteasy.reactive..core..", "org.hibernate..internal..",
                    "io.netty..", "sun..", "jdk.internal..")
            .because("internal API changes without notice; use the public API or the framework's documented extension points");

    private static final ArchRule NO_QUARKUS_IMPLEMENTATION = noClasses().should().dependOnClassesThat(DescribedPredicate.describe(
                    "are Quarkus implementation classes (a runtime package, not listed in PublicApiTest)",
                    (JavaClass type) -> type.getPackageName().startsWith("io.quarkus.") && type.getPackageName().contains(".runtime")
                            && !PUBLIC_RUNTIME_CLASSES.contains(type.getName())))
            .because("a Quarkus runtime package is the extension's implementation (QuarkusHttpUser, say)");

    @Test
    void noClassUsesAFrameworksInternalPackages() {
        NO_INTERNAL_PACKAGES.check(Project.classes());
    }

    @Test
    void quarkusRuntimeClassesAreUsedOnlyWhereTheyArePublicApi() {
        NO_QUARKUS_IMPLEMENTATION.check(Project.classes());
    }

    @Test
    void theRulesRefuseWhatTheyName() {
        JavaClasses offender = new ClassFileImporter().importClasses(InternalApiUser.class);
        assertThrows(AssertionError.class, () -> NO_INTERNAL_PACKAGES.check(offender), "ContextInternal");
        assertThrows(AssertionError.class, () -> NO_QUARKUS_IMPLEMENTATION.check(offender), "ApplicationLifecycleManager");
    }
}
