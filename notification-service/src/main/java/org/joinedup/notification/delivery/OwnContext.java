package org.joinedup.notification.delivery;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import org.jboss.logging.Logger;

import java.util.function.Supplier;

/**
 * Runs reactive work on a new duplicated Vert.x context of its own, marked safe for Hibernate
 * Reactive: a session belongs to one context, so work woken from another (the intake's, a
 * subscriber's) must not run on the caller's.
 */
final class OwnContext {
    private static final Logger LOG = Logger.getLogger(OwnContext.class);

    private OwnContext() {
    }

    static void run(Vertx vertx, String what, Supplier<Uni<Void>> work) {
        io.vertx.core.Context context = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(v -> work.get().subscribe().with(x -> { }, e -> LOG.warnf("%s failed (%s)", what, e.getClass().getName())));
    }
}
