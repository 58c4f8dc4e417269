package org.joinedup.concern;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.joinedup.directory.view.DirectoryQueries;
import org.joinedup.needtoknow.RelationshipBackfill;
import org.joinedup.testing.RealInfrastructure;
import org.joinedup.testing.TestNhsNumbers;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;

import static org.hamcrest.Matchers.contains;
import static org.joinedup.concern.ConcernApi.HEALTH;
import static org.joinedup.concern.ConcernApi.POLICE;
import static org.joinedup.concern.ConcernApi.as;
import static org.joinedup.concern.ConcernApi.concern;
import static org.joinedup.concern.ConcernApi.practitioner;
import static org.joinedup.concern.ConcernApi.raise;

/** An upgrade: the need-to-know read model is filled once from the service's own past events. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "concern"))
class RelationshipBackfillTest {
    @Inject
    DataSource dataSource;

    @Inject
    RelationshipBackfill backfill;

    @Inject
    DirectoryQueries directory;

    @Test
    void relationships_lost_or_never_built_come_back_from_the_event_store_once() throws Exception {
        TestArea.haringey(directory);
        String nhs = TestNhsNumbers.next();
        var raised = raise(practitioner(POLICE), concern(nhs, "neglect", "2026-11-01T10:00:00Z")).statusCode(201).extract();
        String child = raised.path("childId");
        raise(practitioner(HEALTH), concern(nhs, "neglect", "2026-11-02T10:00:00Z")).statusCode(201);
        // As before the read model existed: no relationships, no records, the backfill not yet done.
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("delete from ntk_relationship where child_id = '" + child + "'");
            st.executeUpdate("delete from ntk_child_record where child_id = '" + child + "'");
            st.executeUpdate("delete from ntk_backfill");
        }
        as(practitioner(POLICE)).get("/children/" + child + "/concerns").then().statusCode(404);

        backfill.backfill();

        as(practitioner(POLICE)).get("/children/" + child + "/concerns").then().statusCode(200)
                .body("concerns.concernId", contains((String) raised.path("concernId")));
        as(practitioner(HEALTH)).get("/children/" + child + "/concerns").then().statusCode(200)
                .body("involvement.recordId", contains((String) raised.path("concernId")));
        // Once done, it is not done again: what is missing now stays missing until its events come again.
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("delete from ntk_relationship where child_id = '" + child + "' and agency_id = '" + HEALTH + "'");
        }
        backfill.backfill();
        as(practitioner(HEALTH)).get("/children/" + child + "/concerns").then().statusCode(404);
    }
}
