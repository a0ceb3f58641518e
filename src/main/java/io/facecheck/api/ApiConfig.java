package io.facecheck.api;

import io.facecheck.config.LocalizedMessage;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/**
 * How {@code facecheck serve} listens.
 *
 * @param keystore          PKCS#12 file with the server's key and certificate; null: plain HTTP
 * @param insecureHttp      allow plain HTTP on an address other than loopback (tokens then cross the network in
 *                          clear text)
 * @param maxBodyBytes      larger request bodies are refused with 413 (uploads of photos included)
 * @param requestsPerMinute per token; more are refused with 429
 */
public record ApiConfig(String host, int port, Path keystore, char[] keystorePassword, boolean insecureHttp,
                        long maxBodyBytes, int requestsPerMinute) {
    public static final long DEFAULT_MAX_BODY = 20L << 20;
    public static final int DEFAULT_RATE = 1200;

    /** Plain HTTP on loopback with the default limits (tests, a local reverse proxy). */
    public static ApiConfig loopback(int port) {
        return new ApiConfig("127.0.0.1", port, null, null, false, DEFAULT_MAX_BODY, DEFAULT_RATE);
    }

    public boolean tls() {
        return keystore != null;
    }

    /**
     * Refuses what must not start: plain HTTP on an address others can reach, unless asked for, and limits that
     * make no sense.
     *
     * @throws Refused saying what and how to fix it
     */
    public void check() {
        if (port < 0 || port > 65535) {
            throw new Refused(LocalizedMessage.of("cli.api.badPort", port));
        }
        if (maxBodyBytes < 1024 || requestsPerMinute < 1) {
            throw new Refused(LocalizedMessage.of("cli.api.badLimits"));
        }
        if (!tls() && !insecureHttp && !loopback(host)) {
            throw new Refused(LocalizedMessage.of("cli.api.plainHttpRefused", host));
        }
    }

    /** A configuration the server will not start with; the message is in the user's language. */
    public static final class Refused extends IllegalArgumentException {
        private final transient LocalizedMessage text;

        Refused(LocalizedMessage text) {
            super(text.english());
            this.text = text;
        }

        @Override
        public String getLocalizedMessage() {
            return text.localized();
        }
    }

    private static boolean loopback(String host) {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            throw new Refused(LocalizedMessage.of("cli.api.unknownHost", host));
        }
    }
}
