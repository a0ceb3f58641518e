package io.facecheck.app;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * How a webhook delivery is signed (docs/webhooks.md), as Stripe signs its events: HMAC-SHA256 with the
 * webhook's secret over {@code timestamp + "." + body}, the timestamp (Unix seconds of the attempt) in its own
 * header. Signing the timestamp lets a receiver refuse a captured request replayed later; signing the exact bytes
 * lets it refuse any change to them.
 */
public final class WebhookSignature {
    /** Unix seconds when the attempt was signed. */
    public static final String TIMESTAMP_HEADER = "FaceCheck-Timestamp";
    /** {@code v1=} and the hex HMAC-SHA256 (the prefix names the scheme, so a second can be added beside it). */
    public static final String SIGNATURE_HEADER = "FaceCheck-Signature";
    public static final String EVENT_ID_HEADER = "FaceCheck-Event-Id";
    public static final String EVENT_TYPE_HEADER = "FaceCheck-Event-Type";
    /** How old a timestamp a receiver should accept; the docs' samples use it too. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private WebhookSignature() {
    }

    /** The {@link #SIGNATURE_HEADER} value of {@code body} sent at {@code timestamp}. */
    public static String sign(byte[] secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this Java runtime", e);
        }
    }

    /**
     * What a receiver does: true when {@code signature} is {@code body}'s under {@code secret} and
     * {@code timestamp} is within {@code tolerance} of {@code now}. Compares in constant time.
     */
    public static boolean verify(byte[] secret, String timestamp, String signature, byte[] body, Instant now,
                                 Duration tolerance) {
        if (timestamp == null || signature == null) {
            return false;
        }
        long t;
        try {
            t = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - t) > tolerance.toSeconds()) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, t, body).getBytes(StandardCharsets.US_ASCII),
                signature.strip().getBytes(StandardCharsets.US_ASCII));
    }
}
