package io.finagent.architecture;

import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** eShop's rule: the domain says what its rules refuse ({@code DomainRefusal}); HTTP is the edge's business. */
class DomainTest {

    @Test
    void theDomainKnowsNothingOfHttp() {
        noClasses().that().resideInAPackage("io.finagent..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.finagent.platform.problem..", "io.finagent.platform.rest..",
                        "jakarta.ws.rs..", "org.jboss.resteasy..", "io.vertx..", "io.quarkus.vertx..")
                .because("a domain class throws a DomainRefusal, which Problems maps to problem+json in one place")
                .check(Project.classes());
    }
}
