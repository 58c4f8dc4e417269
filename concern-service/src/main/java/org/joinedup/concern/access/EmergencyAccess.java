package org.joinedup.concern.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.joinedup.concern.child.ChildIndex;
import org.joinedup.concern.child.ChildLinks;
import org.joinedup.events.EventJson;
import org.joinedup.concern.access.domain.EmergencyAccessCommand;
import org.joinedup.concern.access.domain.EmergencyAccessDecider;
import org.joinedup.concern.access.domain.EmergencyAccessState;
import org.joinedup.events.access.EmergencyAccessEvent;
import org.joinedup.platform.command.CommandHandler;
import org.joinedup.platform.command.StreamKind;
import org.joinedup.platform.store.ExpectedVersion;
import org.joinedup.events.access.EmergencyAccessAcknowledged;
import org.joinedup.events.access.EmergencyAccessGranted;
import org.joinedup.needtoknow.NeedToKnowFacts;
import org.joinedup.platform.http.ProblemException;
import org.joinedup.platform.store.EventMetadata;
import org.joinedup.platform.store.Jdbc;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Break-glass (docs/access.md): a safeguarding lead opens a child's whole picture without a
 * relationship, with a written justification, for a bounded time ({@code joinedup.emergency-access.duration}).
 * It is an event (emergency-access-granted) in the grant's own stream; every agency holding records
 * about the child finds a notice in its inbox, in the same transaction, until it acknowledges it.
 */
@ApplicationScoped
public class EmergencyAccess {
    private static final Logger LOG = Logger.getLogger(EmergencyAccess.class);
    private static final ObjectMapper JSON = EventJson.mapper();
    private final CommandHandler handler;
    private final StreamKind<EmergencyAccessCommand, EmergencyAccessState, EmergencyAccessEvent> grants;
    private final ChildIndex index;
    private final ChildLinks links;
    private final NeedToKnowFacts facts;
    private final DataSource dataSource;
    private final Duration duration;

    public EmergencyAccess(CommandHandler handler, ChildIndex index, ChildLinks links, NeedToKnowFacts facts,
                           DataSource dataSource,
                           @ConfigProperty(name = "joinedup.emergency-access.duration", defaultValue = "PT24H") Duration duration) {
        this.handler = handler;
        this.grants = StreamKind.of("emergency-access-", EmergencyAccessEvent.class, new EmergencyAccessDecider())
                .keeping((state, appended) -> appended.forEach(e -> {
                    switch ((EmergencyAccessEvent) e.payload()) {
                        case EmergencyAccessGranted g -> noticesFor(g);
                        case EmergencyAccessAcknowledged a -> Jdbc.update(dataSource, """
                                update emergency_access_notice set acknowledged_at = ?, acknowledged_by = ?
                                where grant_id = ? and agency_id = ?""",
                                Timestamp.from(a.acknowledgedAt()), a.acknowledgedBy(), a.grantId(), a.agencyId());
                    }
                }));
        this.index = index;
        this.links = links;
        this.facts = facts;
        this.dataSource = dataSource;
        this.duration = duration;
    }

    public static String streamId(UUID grantId) {
        return "emergency-access-" + grantId;
    }

    /** Opens the child's whole picture to the lead for the configured time; 404 for a child this service does not know. */
    @Transactional
    public EmergencyAccessGranted grant(UUID childId, String justification, EventMetadata metadata) {
        if (!index.exists(childId)) {
            throw ProblemException.notFound("no child " + childId);
        }
        List<String> told = facts.agenciesInvolved(links.groupOf(childId)).stream()
                .filter(a -> !a.equals(metadata.agencyId())).toList();
        UUID grantId = UUID.randomUUID();
        var handled = handler.start(grants, grantId, metadata, now -> new EmergencyAccessCommand.Grant(grantId, childId,
                metadata.agencyId(), metadata.actorId(), justification, now.plus(duration), told, now));
        EmergencyAccessGranted granted = ((EmergencyAccessState.Granted) handled.state()).granted();
        LOG.infof("emergency access %s granted for child %s, %d agencies told", grantId, childId, told.size());
        return granted;
    }

    /** Every agency told of a grant finds the notice in its inbox until it acknowledges it. */
    private void noticesFor(EmergencyAccessGranted granted) {
        String view = json(granted);
        for (String agency : granted.notifiedAgencies()) {
            Jdbc.update(dataSource, """
                    insert into emergency_access_notice (grant_id, agency_id, child_id, granted_at, view)
                    values (?, ?, ?, ?, ?::jsonb) on conflict do nothing""",
                    granted.grantId(), agency, granted.childId(), Timestamp.from(granted.grantedAt()), view);
        }
    }

    /**
     * The agency acknowledges a notice it was sent; a repeat records nothing. 404 when the agency was
     * not told of that grant.
     */
    @Transactional
    public void acknowledge(UUID grantId, String agencyId, EventMetadata metadata) {
        handler.handle(grants, grantId, ExpectedVersion.any(), metadata,
                now -> new EmergencyAccessCommand.Acknowledge(grantId, agencyId, metadata.actorId(), now));
    }

    /** A notice in an agency's inbox: who opened which child's records, when, why, until when. */
    public record Notice(UUID grantId, UUID childId, JsonNode grant, Instant acknowledgedAt) {
    }

    public Optional<Notice> notice(UUID grantId, String agencyId) {
        return notices("where grant_id = ? and agency_id = ?", grantId, agencyId).stream().findFirst();
    }

    /** The notices an agency has not acknowledged, oldest first. */
    public List<Notice> unacknowledged(String agencyId) {
        return notices("where agency_id = ? and acknowledged_at is null order by granted_at, grant_id", agencyId);
    }

    private List<Notice> notices(String where, Object... args) {
        return Jdbc.query(dataSource, "select grant_id, child_id, view::text, acknowledged_at from emergency_access_notice "
                + where, rs -> {
            Timestamp at = rs.getTimestamp(4);
            return new Notice(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), tree(rs.getString(3)),
                    at == null ? null : at.toInstant());
        }, args);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a notice", e);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable notice", e);
        }
    }
}
