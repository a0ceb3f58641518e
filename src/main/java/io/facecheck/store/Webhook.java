package io.facecheck.store;

import java.time.Instant;
import java.util.Set;

/**
 * A webhook (its secret left out) and how its deliveries stand.
 *
 * @param events        the event types it receives ({@link Outbox#TYPES})
 * @param pending       events not delivered yet
 * @param failing       of those, the ones whose last attempt failed
 * @param delivered     events delivered (in the last week: older ones are pruned)
 * @param attempts      the most attempts any pending event has had
 * @param lastError     the error of the latest failed attempt still pending (null: none)
 * @param lastAttemptAt the latest attempt (null: none yet)
 * @param nextAttemptAt when the earliest pending event is due (null: none pending)
 */
public record Webhook(long id, String url, Set<String> events, Instant createdAt, String createdBy,
                      int pending, int failing, int delivered, int attempts, String lastError,
                      Instant lastAttemptAt, Instant nextAttemptAt) {
}
