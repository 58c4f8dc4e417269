package org.joinedup.platform.http;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * Refusals for want of a valid token answer {@code 401} problem+json with the
 * {@code WWW-Authenticate: Bearer} challenge, like every other refusal, not the framework's empty
 * challenge: a token that fails verification is refused before any resource runs (proactive
 * authentication), so a failure handler answers it; a request with no token at all is answered
 * before resource matching, since every API resource of the services needs a token (only the
 * {@code /q/} endpoints, health and OpenAPI, do not).
 */
@ApplicationScoped
public class AuthenticationProblems {

    void install(@Observes Router router) {
        router.route().order(-1_100).failureHandler(this::failed);
        router.route().order(-1_100).handler(this::noToken);
    }

    void noToken(RoutingContext rc) {
        String authorization = rc.request().getHeader("Authorization");
        if ((authorization == null || authorization.isBlank()) && !rc.normalizedPath().startsWith("/q/")) {
            rc.response().setStatusCode(401).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("WWW-Authenticate", "Bearer").end(Json.encode(unauthorized()));
            return;
        }
        rc.next();
    }

    void failed(RoutingContext rc) {
        if (rc.failure() instanceof AuthenticationFailedException && !rc.response().headWritten()) {
            rc.response().setStatusCode(401).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("WWW-Authenticate", "Bearer")
                    .end(Json.encode(unauthorized()));
            return;
        }
        rc.next();
    }

    static Problem unauthorized() {
        return Problem.of(401, "unauthorized", "Unauthorized",
                "a valid bearer token is required (Authorization: Bearer <token>)",
                List.of(new FieldViolation("Authorization", "valid-bearer-token", "must carry a valid, unexpired bearer token")));
    }
}
