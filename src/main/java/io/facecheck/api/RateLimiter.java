package io.facecheck.api;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per API token: up to a minute's worth of requests at once, refilled evenly, so a client may
 * burst but not sustain more than its rate.
 */
final class RateLimiter {
    private final double perNano;
    private final double capacity;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long last;
    }

    RateLimiter(int perMinute) {
        this(perMinute, System::nanoTime);
    }

    RateLimiter(int perMinute, LongSupplier nanoTime) {
        this.capacity = perMinute;
        this.perNano = perMinute / 60e9;
        this.nanoTime = nanoTime;
    }

    /** Takes one request from {@code key}'s bucket; false when it is empty. */
    boolean allow(String key) {
        long now = nanoTime.getAsLong();
        boolean[] ok = new boolean[1];
        buckets.compute(key, (k, b) -> { // atomic per key
            if (b == null) {
                b = new Bucket();
                b.tokens = capacity;
                b.last = now;
            }
            b.tokens = Math.min(capacity, b.tokens + (now - b.last) * perNano);
            b.last = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                ok[0] = true;
            }
            return b;
        });
        return ok[0];
    }
}
