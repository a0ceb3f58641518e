package io.facecheck.app;

import io.facecheck.config.LocalizedMessage;
import io.facecheck.store.AuditLog;
import io.facecheck.store.Database;
import io.facecheck.store.Outbox;
import io.facecheck.store.StoreException;
import io.facecheck.store.Webhook;
import io.facecheck.store.WebhookRepository;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The webhooks an administrator keeps (docs/webhooks.md): add one for some event types with a secret read
 * from a file (never from the command line, where other users see it), list them with how their deliveries
 * stand, remove one, retry the failing ones now. Adding and removing are audited.
 */
public final class WebhookService {
    static final String AUDIT_ADD = "webhook-add";
    static final String AUDIT_REMOVE = "webhook-remove";
    /** Shorter secrets are guessable from signed requests; Stripe's are 32 bytes. */
    static final int MIN_SECRET_BYTES = 16;

    private final Database db;
    private final WebhookRepository webhooks;
    private final Outbox outbox;
    private final AuditLog audit;

    public WebhookService(Database db) {
        this.db = db;
        this.webhooks = new WebhookRepository(db);
        this.outbox = new Outbox(db);
        this.audit = new AuditLog(db);
    }

    /** The event types a webhook can receive. */
    public static List<String> eventTypes() {
        return Outbox.TYPES;
    }

    /**
     * Adds a webhook.
     *
     * @param events     a comma-separated list of {@link #eventTypes()}
     * @param secretFile holds the secret (its bytes, a trailing newline dropped), at least 16 of them
     * @throws StoreException {@code INVALID} naming what is wrong (URL, event type, secret file); nothing is written
     */
    public Webhook add(String url, String events, Path secretFile, String actor) {
        String u = url(url);
        Set<String> types = types(events);
        byte[] secret = secret(secretFile);
        return db.inTransaction(c -> {
            Webhook w = webhooks.add(u, types, secret, actor);
            audit.record(actor, AUDIT_ADD, Long.toString(w.id()), u + " for " + String.join(",", w.events()));
            return w;
        });
    }

    /** Every webhook with its pending, failing and delivered counts and last error. */
    public List<Webhook> list() {
        return webhooks.list();
    }

    /** Removes webhook {@code id} and the events waiting for it; {@code NOT_FOUND} when there is none. */
    public void remove(long id, String actor) {
        db.run(c -> {
            Webhook w = webhooks.find(id).orElseThrow(() -> noWebhook(id));
            webhooks.remove(id);
            audit.record(actor, AUDIT_REMOVE, Long.toString(id), w.url() + "; " + w.pending()
                    + " undelivered events dropped");
        });
    }

    /**
     * Makes the failing events of webhook {@code id} (of all, when null) due now rather than at the end of their
     * back-off, say after the receiver's outage was fixed; returns how many.
     */
    public int retryNow(Long id) {
        if (id != null && webhooks.find(id).isEmpty()) {
            throw noWebhook(id);
        }
        return outbox.retryNow(id, Instant.now());
    }

    /** Undelivered events over every webhook (pending), and how many of them failed their last attempt (failing). */
    public record Counts(int pending, int failing) {
    }

    /** What waits, over every webhook. */
    public Counts counts() {
        Outbox.Counts c = outbox.counts();
        return new Counts(c.pending(), c.failing());
    }

    private static StoreException noWebhook(long id) {
        return new StoreException(StoreException.Kind.NOT_FOUND, LocalizedMessage.of("webhooks.error.none", id));
    }

    static String url(String url) {
        URI u;
        try {
            u = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            throw invalid("webhooks.error.url", url);
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null || u.getRawUserInfo() != null
                || u.getRawFragment() != null || u.toString().length() > 2000) {
            throw invalid("webhooks.error.url", url);
        }
        return u.toString();
    }

    static Set<String> types(String events) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : (events == null ? "" : events).split(",")) {
            String type = t.strip().toLowerCase(Locale.ROOT);
            if (type.isEmpty()) {
                continue;
            }
            if (!Outbox.TYPES.contains(type)) {
                throw invalid("webhooks.error.event", t.strip(), String.join(", ", Outbox.TYPES));
            }
            out.add(type);
        }
        if (out.isEmpty()) {
            throw invalid("webhooks.error.noEvents", String.join(", ", Outbox.TYPES));
        }
        return out;
    }

    static byte[] secret(Path file) {
        byte[] b;
        try {
            b = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw invalid("webhooks.error.secretMissing", file);
        } catch (IOException e) {
            throw invalid("webhooks.error.secretUnreadable", file, e.getMessage());
        }
        int end = b.length;
        while (end > 0 && (b[end - 1] == '\n' || b[end - 1] == '\r')) {
            end--;
        }
        if (end < MIN_SECRET_BYTES) {
            throw invalid("webhooks.error.secretShort", file, end, MIN_SECRET_BYTES);
        }
        return Arrays.copyOf(b, end);
    }

    private static StoreException invalid(String key, Object... args) {
        return new StoreException(StoreException.Kind.INVALID, LocalizedMessage.of(key, args));
    }
}
