package org.joinedup.concern;

import org.joinedup.testing.DomainRules;
import org.junit.jupiter.api.Test;

/** The domain speaks no HTTP: no class under a domain package of this service imports platform.http (docs/decisions/0014). */
class ArchitectureTest {

    @Test
    void no_domain_class_speaks_http_or_touches_infrastructure() {
        DomainRules.check("org.joinedup.concern");
    }
}
