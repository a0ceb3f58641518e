package io.facecheck.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.facecheck.store.Database;
import io.facecheck.store.Outbox;
import io.facecheck.store.StoreException;
import io.facecheck.store.WebhookRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Delivers the {@link Outbox}'s events to their webhooks: a POST of {@code {id, type, occurredAt, data}}, signed
 * ({@link WebhookSignature}); a 2xx answer delivers it, anything else (or no answer) tries it again after an
 * exponential back-off with jitter, at most {@link Options#maxDelay} apart, for as long as the webhook exists.
 * All state is in the database, so delivery is at-least-once across restarts, and any number of dispatchers
 * (kiosks, {@code serve}, the CLI) may share one database: each attempt is claimed first ({@link Outbox#claim}).
 * A receiver must therefore expect an event twice (the id tells) and in a different order than it happened.
 * <p>
 * {@link #deliverDue} is one bounded pass (the CLI); {@link #start} runs passes on a thread of its own until
 * {@link #close} (kiosk app, {@code serve}).
 */
public final class WebhookDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Delivered events are kept this long (for the delivered count), then pruned. */
    static final Duration KEEP_DELIVERED = Duration.ofDays(7);

    /**
     * @param firstRetry the delay after the first failure; it doubles with each further one
     * @param maxDelay   the longest delay between two attempts
     * @param timeout    how long one POST may take (connect and answer)
     * @param poll       how often the running dispatcher looks for due events
     */
    public record Options(Duration firstRetry, Duration maxDelay, Duration timeout, Duration poll) {
        public static final Options DEFAULTS = new Options(Duration.ofSeconds(10), Duration.ofHours(24),
                Duration.ofSeconds(10), Duration.ofSeconds(2));

        /** An attempt's claim outlives its POST, so only a dispatcher that died leaves one to be taken over. */
        Duration lease() {
            return timeout.multipliedBy(3).plusSeconds(5);
        }
    }

    private final Outbox outbox;
    private final WebhookRepository webhooks;
    private final Options options;
    private final HttpClient http;
    /** A webhook whose attempt just failed is left alone until its back-off ends (this process only). */
    private final Map<Long, Instant> resting = new HashMap<>();
    private final Map<Long, byte[]> secrets = new HashMap<>();
    private final Object lifecycle = new Object();
    private Thread thread;
    private volatile boolean running;
    private Instant nextPrune = Instant.EPOCH;

    public WebhookDispatcher(Database db) {
        this(db, Options.DEFAULTS);
    }

    public WebhookDispatcher(Database db, Options options) {
        this.outbox = new Outbox(db);
        this.webhooks = new WebhookRepository(db);
        this.options = options;
        this.http = HttpClient.newBuilder().connectTimeout(options.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** What one pass did. */
    public record Pass(int delivered, int failed) {
    }

    /**
     * Tries every due event once (those of a webhook that failed during the pass wait for their back-off), for at
     * most {@code within}; what is left stays in the outbox for a later pass.
     */
    public synchronized Pass deliverDue(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        int delivered = 0;
        int failed = 0;
        secrets.clear();
        boolean progress = true;
        while (progress && System.nanoTime() < deadline) {
            progress = false;
            Instant now = Instant.now();
            resting.values().removeIf(until -> !until.isAfter(now));
            for (Outbox.Delivery d : outbox.due(now, 100)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                if (resting.containsKey(d.webhookId()) || !outbox.claim(d, Instant.now(), options.lease())) {
                    continue;
                }
                progress = true;
                if (attempt(d, Duration.ofNanos(Math.min(left, options.timeout().toNanos())))) {
                    delivered++;
                } else {
                    failed++;
                }
            }
        }
        if (Instant.now().isAfter(nextPrune)) {
            nextPrune = Instant.now().plus(Duration.ofHours(1));
            outbox.prune(Instant.now().minus(KEEP_DELIVERED));
        }
        return new Pass(delivered, failed);
    }

    /** One POST of the claimed {@code d}; notes its outcome in the outbox. */
    private boolean attempt(Outbox.Delivery d, Duration timeout) {
        String error;
        try {
            byte[] body = body(d);
            byte[] secret = secrets.computeIfAbsent(d.webhookId(), webhooks::secret);
            long ts = Instant.now().getEpochSecond();
            HttpRequest req = HttpRequest.newBuilder(URI.create(d.url())).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "FaceCheck-Webhooks")
                    .header(WebhookSignature.EVENT_ID_HEADER, d.eventUuid())
                    .header(WebhookSignature.EVENT_TYPE_HEADER, d.type())
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(ts))
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, ts, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() / 100 == 2) {
                outbox.delivered(d, Instant.now());
                LOG.info("webhook {}: {} {} delivered (attempt {})", d.webhookId(), d.type(), d.eventUuid(),
                        d.attempts() + 1);
                return true;
            }
            String answer = res.body() == null ? "" : res.body().strip();
            error = "HTTP " + res.statusCode() + (answer.isEmpty() ? ""
                    : ": " + (answer.length() > 200 ? answer.substring(0, 200) + "…" : answer));
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (IllegalArgumentException | StoreException e) {
            error = e.getMessage();
        }
        Instant next = Instant.now().plus(backoff(d.attempts() + 1, options));
        try {
            outbox.failed(d, next, error);
        } catch (StoreException e) {
            LOG.warn("webhook {}: cannot note the failure of {} (retried after its claim lapses): {}",
                    d.webhookId(), d.eventUuid(), e.getMessage());
        }
        resting.put(d.webhookId(), next);
        LOG.info("webhook {}: {} {} not delivered (attempt {}): {}; next try at {}", d.webhookId(), d.type(),
                d.eventUuid(), d.attempts() + 1, error, next);
        return false;
    }

    private static byte[] body(Outbox.Delivery d) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", d.eventUuid());
        n.put("type", d.type());
        n.put("occurredAt", d.occurredAt().toString());
        n.set("data", JSON.readTree(d.data()));
        return JSON.writeValueAsString(n).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The wait after the {@code attempts}-th failed attempt: {@code firstRetry} doubled per further failure, at most
     * {@code maxDelay}, of which a random half is taken off so that receivers coming back are not hit by every
     * retry at once.
     */
    static Duration backoff(int attempts, Options o) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 40);
        double full = Math.min(o.maxDelay().toMillis(), o.firstRetry().toMillis() * Math.pow(2, doublings));
        double jittered = full / 2 + ThreadLocalRandom.current().nextDouble() * full / 2;
        return Duration.ofMillis(Math.max(1, Math.round(jittered)));
    }

    /** Starts passes every {@link Options#poll} on a daemon thread, until {@link #close}. */
    public void start() {
        synchronized (lifecycle) {
            if (thread != null) {
                return;
            }
            running = true;
            thread = new Thread(this::loop, "webhooks");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void loop() {
        while (running) {
            try {
                deliverDue(options.poll().multipliedBy(5).plus(options.timeout()));
            } catch (StoreException e) {
                // a kiosk whose server is away: the events wait in the server's outbox meanwhile
                LOG.debug("webhook pass skipped: {}", e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("webhook pass failed", e);
            }
            try {
                Thread.sleep(options.poll().toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops the thread of {@link #start} after its attempt in flight (whose claim lapses if it is cut). */
    @Override
    public void close() {
        Thread t;
        synchronized (lifecycle) {
            running = false;
            t = thread;
            thread = null;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(options.timeout().toMillis() + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

}
