package io.facecheck.app;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {
    private static final byte[] SECRET = "whsec-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY = "{\"id\":\"1\",\"type\":\"checkin\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void matchesAnHmacComputedIndependently() {
        // python3 -c 'import hmac,hashlib;print(hmac.new(b"whsec-0123456789abcdef",
        //   b"1767225600." + b"{\"id\":\"1\",\"type\":\"checkin\"}", hashlib.sha256).hexdigest())'
        assertThat(WebhookSignature.sign(SECRET, 1767225600L, BODY))
                .isEqualTo("v1=" + PYTHON_HMAC);
    }

    private static final String PYTHON_HMAC = "35158e7a1c16b0a033e6d891e5c4dcb2ce2e7becf7c65f0fde208d132d4bfb0b";

    @Test
    void aReceiverRefusesChangedBodiesOtherSecretsAndOldOrFutureTimestamps() {
        Instant now = Instant.ofEpochSecond(1767225600L);
        String sig = WebhookSignature.sign(SECRET, now.getEpochSecond(), BODY);
        Duration tol = WebhookSignature.TOLERANCE;
        String ts = Long.toString(now.getEpochSecond());
        assertThat(WebhookSignature.verify(SECRET, ts, sig, BODY, now.plusSeconds(60), tol)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, ts, sig, "{\"id\":\"2\"}".getBytes(StandardCharsets.UTF_8),
                now, tol)).isFalse();
        assertThat(WebhookSignature.verify("other-secret-000000".getBytes(StandardCharsets.UTF_8), ts, sig, BODY,
                now, tol)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, ts, sig, BODY, now.plus(Duration.ofMinutes(6)), tol))
                .as("a replay after the tolerance").isFalse();
        assertThat(WebhookSignature.verify(SECRET, ts, sig, BODY, now.minus(Duration.ofMinutes(6)), tol)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, Long.toString(now.getEpochSecond() + 1), sig, BODY, now, tol))
                .as("the timestamp is signed too").isFalse();
        assertThat(WebhookSignature.verify(SECRET, "soon", sig, BODY, now, tol)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, null, sig, BODY, now, tol)).isFalse();
    }

    @Test
    void backOffDoublesWithJitterAndStopsGrowingAt24Hours() {
        WebhookDispatcher.Options o = WebhookDispatcher.Options.DEFAULTS;
        for (int i = 0; i < 50; i++) {
            Duration first = WebhookDispatcher.backoff(1, o);
            assertThat(first).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));
            Duration fourth = WebhookDispatcher.backoff(4, o);
            assertThat(fourth).isBetween(Duration.ofSeconds(40), Duration.ofSeconds(80));
            Duration late = WebhookDispatcher.backoff(30, o);
            assertThat(late).isBetween(Duration.ofHours(12), Duration.ofHours(24));
            assertThat(WebhookDispatcher.backoff(Integer.MAX_VALUE, o)).isLessThanOrEqualTo(Duration.ofHours(24));
        }
    }
}
