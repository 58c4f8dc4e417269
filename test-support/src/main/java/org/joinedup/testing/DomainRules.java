package org.joinedup.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The architecture rule every service checks of itself: a class under a {@code domain} package (the
 * deciders, their commands and state) speaks no HTTP and touches no infrastructure. It depends on the
 * events, the platform's decider shape ({@code platform.decide}) and plain Java, and on nothing of
 * {@code platform.http}, JAX-RS, the event store, the command handler, CDI, transactions or JDBC.
 */
public final class DomainRules {
    private DomainRules() {
    }

    public static final ArchRule DOMAIN_SPEAKS_NO_HTTP = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.joinedup.platform.http..", "jakarta.ws.rs..", "org.jboss.resteasy..", "io.vertx..",
                    "org.joinedup.platform.store..", "org.joinedup.platform.command..", "org.joinedup.platform.security..",
                    "jakarta.enterprise..", "jakarta.inject..", "jakarta.transaction..", "io.quarkus..",
                    "java.sql..", "javax.sql..")
            .as("classes under a domain package speak no HTTP and touch no infrastructure")
            .because("the domain says what is refused, not which status code a web client gets (docs/decisions/0014)");

    /** The production classes of these packages (tests left out). */
    public static JavaClasses classes(String... packages) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(packages);
    }

    /** Fails, naming each offending dependency, when a domain class under these packages breaks the rule. */
    public static void check(String... packages) {
        DOMAIN_SPEAKS_NO_HTTP.check(classes(packages));
    }
}
