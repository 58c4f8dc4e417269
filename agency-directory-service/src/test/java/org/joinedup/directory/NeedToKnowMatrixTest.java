package org.joinedup.directory;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.joinedup.platform.security.Roles;
import org.joinedup.testing.AccessMatrix;
import org.joinedup.testing.AccessMatrix.Answer;
import org.joinedup.testing.AccessMatrix.Probe;
import org.joinedup.testing.RealInfrastructure;
import org.joinedup.testing.TestTokens;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.joinedup.directory.Directory.ADMIN;
import static org.joinedup.directory.Directory.as;
import static org.joinedup.testing.AccessMatrix.Answer.OK;

/**
 * The directory's need-to-know matrix: it holds no child's data (agencies, their contacts and the
 * agreements between them are what every party needs to know to share lawfully), so every role that
 * works with children reads its GET operations; an agreement's content is for its parties, leads and
 * inspectors (the directory's own rule). Listed all the same, so that an endpoint added here must be
 * weighed (docs/access.md).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "directory"))
class NeedToKnowMatrixTest {
    static final Map<String, String> CALLERS = new LinkedHashMap<>();

    static {
        CALLERS.put("practitioner", TestTokens.token("p-1", "met-police", Roles.PRACTITIONER));
        CALLERS.put("safeguarding-lead", TestTokens.token("l-1", "riverside-academy", Roles.SAFEGUARDING_LEAD));
        CALLERS.put("inspector", TestTokens.token("i-1", null, Roles.INSPECTOR));
        CALLERS.put("directory-admin", ADMIN);
    }

    static String agency;
    static String other;
    static String agreement;

    static synchronized void directory() {
        if (agency == null) {
            agency = Directory.register("childrens-social-care");
            other = Directory.register("police");
            agreement = as(ADMIN).body(Directory.agreement(java.util.List.of(agency, other), "2026-04-01", "2029-03-31",
                    "2027-04-01")).post("/agreements").then().statusCode(201).extract().path("agreementId");
        }
    }

    static Map<String, Answer> everyone() {
        Map<String, Answer> m = new LinkedHashMap<>();
        CALLERS.keySet().forEach(c -> m.put(c, OK));
        return m;
    }

    static AccessMatrix matrix() {
        return new AccessMatrix(CALLERS)
                .operation("/agencies", () -> new Probe("/agencies?kind=childrens-social-care", null, null), everyone())
                .operation("/agencies/{agencyId}", () -> {
                    directory();
                    return new Probe("/agencies/" + agency, null, null);
                }, everyone())
                .operation("/agreements/{agreementId}", () -> {
                    directory();
                    return new Probe("/agreements/" + agreement, null, null);
                }, agreementRows())
                .operation("/sharing-decisions", () -> {
                    directory();
                    return new Probe("/sharing-decisions?from=" + other + "&to=" + agency
                            + "&category=neglect&purpose=safeguarding", null, null);
                }, everyone());
    }

    /** A practitioner of an agency that is not a party may not read the agreement's content. */
    static Map<String, Answer> agreementRows() {
        Map<String, Answer> m = everyone();
        m.put("practitioner", AccessMatrix.Answer.FORBIDDEN);
        return m;
    }

    @Test
    void every_get_operation_of_the_openapi_document_has_its_rows() {
        matrix().coversTheServedDocument();
    }

    @TestFactory
    Stream<DynamicTest> each_caller_gets_what_the_policy_says() {
        return matrix().tests();
    }
}
