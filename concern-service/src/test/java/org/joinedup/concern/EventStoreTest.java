package org.joinedup.concern;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.joinedup.events.concern.ChildIdentification;
import org.joinedup.events.concern.ConcernRaised;
import org.joinedup.platform.store.EventMetadata;
import org.joinedup.platform.store.EventStore;
import org.joinedup.platform.store.StoredEvent;
import org.joinedup.platform.store.StreamVersionConflict;
import org.joinedup.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The event store on the real database: append-only, and optimistic concurrency per stream. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "concern"))
class EventStoreTest {
    @Inject
    EventStore store;

    @Inject
    DataSource dataSource;

    @Test
    void appending_at_a_stale_version_is_a_409_conflict_and_stores_nothing() {
        String stream = "concern-" + UUID.randomUUID();
        EventMetadata meta = new EventMetadata("p", "met-police", UUID.randomUUID(), null);
        QuarkusTransaction.requiringNew().run(() -> store.append(stream, 0, List.of(event()), meta, store.now()));

        StreamVersionConflict conflict = assertThrows(StreamVersionConflict.class, () -> QuarkusTransaction
                .requiringNew().run(() -> store.append(stream, 0, List.of(event()), meta, store.now())));
        assertEquals(409, org.joinedup.platform.http.Refusals.problem(conflict).status());
        assertEquals(0, conflict.expectedVersion());

        List<StoredEvent> events = store.readStream(stream);
        assertEquals(1, events.size());
        assertEquals(1, events.get(0).streamVersion());
        assertEquals("concern-raised", events.get(0).envelope().type());
        assertEquals("met-police", events.get(0).envelope().agencyId());
    }

    @Test
    void rows_cannot_be_updated_deleted_or_truncated() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (String sql : List.of("update event_store set subject = 'x'", "delete from event_store",
                    "truncate event_store cascade")) {
                SQLException refused = assertThrows(SQLException.class, () -> st.execute(sql));
                assertThat(refused.getMessage(), containsString("event_store is append-only"));
            }
        }
    }

    private static ConcernRaised event() {
        Instant now = Instant.now();
        return new ConcernRaised(UUID.randomUUID(), UUID.randomUUID(), "met-police", "p",
                new ChildIdentification("9434765919", null, null, null, null), "neglect", List.of(), "low", "d",
                null, now.minusSeconds(60), now);
    }
}
