package org.joinedup.directory.agency;

import org.joinedup.events.EventPayload;
import org.joinedup.events.directory.AgencyDeactivated;
import org.joinedup.events.directory.AgencyRegistered;
import org.joinedup.events.directory.AgencyUpdated;
import org.joinedup.platform.http.ProblemException;

import java.time.Instant;
import java.util.List;

/** Decides what registering, updating and deactivating an agency produce. Pure. Agencies are never deleted. */
public final class AgencyDecider {
    private AgencyDecider() {
    }

    public static List<EventPayload> register(AgencyRequest.Details d, AgencyState state, String actor, Instant now) {
        if (!(state instanceof AgencyState.None)) {
            throw ProblemException.conflict("agency-exists", "an agency with id " + d.agencyId() + " is already registered");
        }
        return List.of(new AgencyRegistered(d.agencyId(), d.name(), d.kind(), d.area(), d.contact(), d.clientIds(), actor, now, d.frontDoorFor()));
    }

    public static List<EventPayload> update(AgencyRequest.Details d, AgencyState state, String actor, Instant now) {
        requireActive(d.agencyId(), state);
        return List.of(new AgencyUpdated(d.agencyId(), d.name(), d.kind(), d.area(), d.contact(), d.clientIds(), actor, now, d.frontDoorFor()));
    }

    public static List<EventPayload> deactivate(String agencyId, String reason, AgencyState state, String actor, Instant now) {
        requireActive(agencyId, state);
        return List.of(new AgencyDeactivated(agencyId, reason, actor, now));
    }

    private static void requireActive(String agencyId, AgencyState state) {
        if (state instanceof AgencyState.None) {
            throw ProblemException.notFound("no agency " + agencyId);
        }
        if (state instanceof AgencyState.Deactivated) {
            throw ProblemException.conflict("agency-deactivated", "agency " + agencyId + " is deactivated");
        }
    }

    public static String streamId(String agencyId) {
        return "agency-" + agencyId;
    }
}
