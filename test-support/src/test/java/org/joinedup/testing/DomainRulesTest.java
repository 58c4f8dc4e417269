package org.joinedup.testing;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The architecture rule itself: it fails on a domain class that imports platform.http, and passes on one that does not. */
class DomainRulesTest {

    @Test
    void a_domain_class_that_imports_platform_http_fails_the_rule_and_is_named() {
        var classes = new ClassFileImporter().importPackages("org.joinedup.testing.fixture");
        AssertionError failed = assertThrows(AssertionError.class, () -> DomainRules.DOMAIN_SPEAKS_NO_HTTP.check(classes));
        assertTrue(failed.getMessage().contains("SpeaksHttp"), failed.getMessage());
        assertTrue(failed.getMessage().contains("ProblemException"), failed.getMessage());
        assertTrue(!failed.getMessage().contains("SpeaksTheDomain") && !failed.getMessage().contains("Edge"), failed.getMessage());
    }

    @Test
    void domain_classes_that_speak_in_refusals_pass() {
        var classes = new ClassFileImporter().importClasses(
                org.joinedup.testing.fixture.domain.SpeaksTheDomain.class, org.joinedup.testing.fixture.web.Edge.class);
        DomainRules.DOMAIN_SPEAKS_NO_HTTP.check(classes);
    }
}
