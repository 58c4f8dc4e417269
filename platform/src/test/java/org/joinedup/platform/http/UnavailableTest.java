package org.joinedup.platform.http;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnavailableTest {
    @Test
    void a_database_that_cannot_be_reached_or_is_shutting_down_is_transient_wherever_it_is_wrapped() {
        assertTrue(Unavailable.isTransient(new IllegalStateException("idempotency keys unavailable",
                new PSQLException("Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT))));
        assertTrue(Unavailable.isTransient(new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01"))));
        assertTrue(Unavailable.isTransient(new SQLException("the database system is starting up", "57P03")));
        assertTrue(Unavailable.isTransient(new SQLException("too many connections", "53300")));
        assertTrue(Unavailable.isTransient(new SQLException("could not serialize access", "40001")));
        assertTrue(Unavailable.isTransient(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))));
        assertTrue(Unavailable.isTransient(new RuntimeException(new java.net.ConnectException("refused"))));
    }

    @Test
    void a_fault_of_the_service_is_not_transient() {
        assertFalse(Unavailable.isTransient(new IllegalStateException("bug")));
        assertFalse(Unavailable.isTransient(new SQLException("syntax error", "42601")));
        assertFalse(Unavailable.isTransient(new SQLException("duplicate key", "23505")));
        assertFalse(Unavailable.isTransient(new NullPointerException()));
    }

    @Test
    void the_answer_is_503_problem_with_retry_after_and_the_mapper_gives_it() {
        jakarta.ws.rs.core.Response r = new ProblemMappers().unexpected(new IllegalStateException("x",
                new PSQLException("Connection refused", PSQLState.CONNECTION_FAILURE)));
        assertEquals(503, r.getStatus());
        assertEquals(String.valueOf(Unavailable.RETRY_AFTER_SECONDS), r.getHeaderString("Retry-After"));
        assertEquals("application/problem+json", r.getMediaType().toString());
        assertEquals("Service unavailable", ((Problem) r.getEntity()).title());
        assertEquals(500, new ProblemMappers().unexpected(new IllegalStateException("bug")).getStatus());
    }
}
