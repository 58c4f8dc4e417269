package org.joinedup.platform.access;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;
import org.joinedup.events.access.AccessBasis;
import org.joinedup.events.access.RecordAccessRefused;
import org.joinedup.events.access.RecordAccessed;
import org.joinedup.platform.http.Correlation;
import org.joinedup.platform.http.ProblemException;
import org.joinedup.platform.security.Caller;
import org.joinedup.platform.store.EventMetadata;
import org.joinedup.platform.command.CommandHandler;
import org.joinedup.platform.command.StreamKind;
import org.joinedup.platform.decide.OneFact;
import org.joinedup.events.access.AccessEvent;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every read of a child's data leaves a trace: one {@code record-accessed} per child read (who, for
 * which agency, what, which request, why, on what basis, when), written through the event store and
 * outbox before the data is returned, so it reaches {@code access.events} and the audit ledger even if
 * the service stops right after. A read whose trace cannot be written fails: no data leaves untraced.
 * A read the need-to-know policy refuses leaves a {@code record-access-refused}, in a transaction of
 * its own, since the refused request's own transaction rolls back.
 */
@RequestScoped
public class AccessLog {
    /** Optional request header: why the caller is reading (for example "strategy discussion"). */
    public static final String PURPOSE_HEADER = "Access-Purpose";
    public static final int MAX_PURPOSE = 200;
    /** One stream per access ({@code access-<accessId>}), holding its one record. */
    static final StreamKind<OneFact.Record<AccessEvent>, java.util.Optional<AccessEvent>, AccessEvent> ACCESS =
            StreamKind.of("access-", AccessEvent.class, new OneFact<>("access-recorded"));
    private final CommandHandler handler;
    private final Caller caller;
    private final CurrentVertxRequest request;

    public AccessLog(CommandHandler handler, Caller caller, CurrentVertxRequest request) {
        this.handler = handler;
        this.caller = caller;
        this.request = request;
    }

    /** Records that the caller read {@code what} about each of the children (duplicates once), all on one basis. */
    @Transactional
    public void read(String what, Collection<UUID> children, AccessBasis basis) {
        Map<UUID, AccessBasis> each = new LinkedHashMap<>();
        for (UUID child : children) {
            if (child != null) {
                each.putIfAbsent(child, basis);
            }
        }
        read(what, each);
    }

    @Transactional
    public void read(String what, UUID child, AccessBasis basis) {
        read(what, List.of(child), basis);
    }

    /** Records that the caller read {@code what} about each child, on the basis the policy gave for it. */
    @Transactional
    public void read(String what, Map<UUID, AccessBasis> children) {
        if (children.isEmpty()) {
            return;
        }
        RoutingContext rc = request.getCurrent();
        String purpose = purpose(rc.request().getHeader(PURPOSE_HEADER));
        String reference = reference(rc);
        EventMetadata metadata = caller.eventMetadata(rc.request().getHeader(Correlation.HEADER));
        Instant now = handler.now();
        children.forEach((child, basis) -> {
            UUID accessId = UUID.randomUUID();
            // One stream per access: each is keyed by its own child, so a page listing several children
            // does not put one stream's events on several partitions (consumers follow stream order).
            handler.start(ACCESS, accessId, metadata, now, new OneFact.Record<>(new RecordAccessed(accessId, child,
                    metadata.actorId(), metadata.agencyId(), what, reference, purpose, now,
                    basis == null ? null : basis.wireName())));
        });
    }

    /**
     * Records that the policy refused the caller {@code what} about a child, and why ({@code rule}); in
     * its own transaction, which commits whatever becomes of the request's.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refused(String what, UUID child, String rule) {
        RoutingContext rc = request.getCurrent();
        EventMetadata metadata = caller.eventMetadata(rc.request().getHeader(Correlation.HEADER));
        UUID accessId = UUID.randomUUID();
        handler.start(ACCESS, accessId, metadata, now -> new OneFact.Record<>(new RecordAccessRefused(accessId, child,
                metadata.actorId(), metadata.agencyId(), what, reference(rc), rule, now)));
    }

    private static String reference(RoutingContext rc) {
        return rc.request().method() + " " + rc.normalizedPath();
    }

    private static String purpose(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        if (header.strip().length() > MAX_PURPOSE) {
            throw ProblemException.invalid(PURPOSE_HEADER, "max-length", "must be at most " + MAX_PURPOSE + " characters");
        }
        return header.strip();
    }
}
