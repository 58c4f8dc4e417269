package org.joinedup.notification.notify;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.joinedup.notification.delivery.DeliveryWorker;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * "Due soon": no event says an action is nearly due, so a sweep finds the open actions due within
 * {@code joinedup.notifications.action-due-soon-days} days (today included, in UTC) and tells the
 * owner's agency once per owner and due date. The reminder's event id is derived from the action,
 * owner and date, so a reminder made twice (two instances, a crash before the mark) is one
 * notification. Instances share the work by {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class ActionReminders {
    private static final Logger LOG = Logger.getLogger(ActionReminders.class);
    static final String DUE = """
            select action_id, team_id, child_id, owner_member_id, due_on from team_action
            where open and due_on >= :today and due_on <= :until
              and (due_soon_told is null or due_soon_told <> owner_member_id::text || '/' || due_on::text)
            order by due_on, action_id
            limit 100
            for update skip locked""";

    private final EventIntake intake;
    private final DeliveryWorker worker;
    private final Clock clock;
    private final int days;

    public ActionReminders(EventIntake intake, DeliveryWorker worker, Clock clock,
                           @ConfigProperty(name = "joinedup.notifications.action-due-soon-days", defaultValue = "2") int days) {
        this.intake = intake;
        this.worker = worker;
        this.clock = clock;
        this.days = days;
    }

    @Scheduled(every = "${joinedup.notifications.reminder-sweep-every:60S}", delayed = "5S",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return Panache.withTransaction(() -> Panache.getSession().flatMap(session -> session.createNativeQuery(DUE, Object[].class)
                        .setParameter("today", today).setParameter("until", today.plusDays(days)).getResultList())
                .flatMap(rows -> Multi.createFrom().iterable(rows)
                        .onItem().transformToUniAndConcatenate(row -> remind(row, now))
                        .collect().asList()))
                .invoke(made -> {
                    int deliveries = made.stream().mapToInt(Integer::intValue).sum();
                    if (!made.isEmpty()) {
                        LOG.debugf("%d actions due soon: %d deliveries", made.size(), deliveries);
                    }
                    if (deliveries > 0) {
                        worker.wake();
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("due-soon sweep failed (%s); the next sweep tries again", e.getClass().getName()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Integer> remind(Object[] row, Instant now) {
        UUID action = (UUID) row[0];
        UUID team = (UUID) row[1];
        UUID child = (UUID) row[2];
        UUID owner = (UUID) row[3];
        LocalDate due = row[4] instanceof LocalDate d ? d : ((java.sql.Date) row[4]).toLocalDate();
        String told = owner + "/" + due;
        UUID reminderId = reminderId(action, told);
        return ProcessedEvent.<ProcessedEvent>findById(reminderId).flatMap(seen -> {
            Uni<Integer> made;
            if (seen != null) {
                made = Uni.createFrom().item(0);
            } else {
                ProcessedEvent processed = new ProcessedEvent();
                processed.eventId = reminderId;
                processed.processedAt = now;
                made = processed.persist().flatMap(x -> intake.notifyAll(reminderId, now,
                        List.of(NotificationRules.dueSoon(team, child, owner, due))));
            }
            return made.call(x -> KnownFacts.update("update team_action set due_soon_told = :told where action_id = :action",
                    q -> q.setParameter("told", told).setParameter("action", action)));
        });
    }

    /** The reminder's stable id: one per action, owner and due date. */
    static UUID reminderId(UUID action, String ownerAndDate) {
        return UUID.nameUUIDFromBytes(("action-due-soon/" + action + "/" + ownerAndDate).getBytes(StandardCharsets.UTF_8));
    }
}
