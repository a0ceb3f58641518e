package io.facecheck.api;

import io.facecheck.store.StoreKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What keeps the server safe to expose: TLS from a PKCS#12 keystore, no plain HTTP on a non-loopback address unless
 * asked, the per-token rate limit (429) and the body size limit (413), on real servers over loopback.
 */
class ApiSafetyTest {
    private static final char[] PASSWORD = "changeit-test".toCharArray();

    @TempDir
    Path tmp;

    @Test
    void plainHttpOnANonLoopbackAddressIsRefusedUnlessAskedFor() {
        ApiConfig plain = new ApiConfig("0.0.0.0", 0, null, null, false, ApiConfig.DEFAULT_MAX_BODY, 60);
        assertThatThrownBy(plain::check).isInstanceOf(ApiConfig.Refused.class)
                .hasMessageContaining("0.0.0.0").hasMessageContaining("--insecure-http");
        new ApiConfig("0.0.0.0", 0, null, null, true, ApiConfig.DEFAULT_MAX_BODY, 60).check();
        new ApiConfig("0.0.0.0", 0, tmp.resolve("k.p12"), PASSWORD, false, ApiConfig.DEFAULT_MAX_BODY, 60).check();
        new ApiConfig("::1", 0, null, null, false, ApiConfig.DEFAULT_MAX_BODY, 60).check();
        new ApiConfig("localhost", 0, null, null, false, ApiConfig.DEFAULT_MAX_BODY, 60).check();
    }

    @Test
    void tlsFromAPkcs12KeystoreServesHttpsAndOnlyHttps() throws Exception {
        Path keystore = tmp.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "facecheck", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String keytoolOut = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(keytoolOut).isZero();

        try (ApiFixture api = new ApiFixture(StoreKind.H2, tmp, new ApiConfig("127.0.0.1", 0, keystore, PASSWORD,
                false, ApiFixture.MAX_BODY, 1000))) {
            assertThat(api.server.baseUri().getScheme()).isEqualTo("https");
            HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(keystore)).build();
            HttpResponse<String> r = trusting.send(HttpRequest.newBuilder(api.uri("/employees"))
                    .header("Authorization", "Bearer " + api.admin).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"employees\"");
            // a client that does not trust the certificate gets no answer at all, not even 401
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.uri("/health"))
                    .build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLHandshakeException.class);
            // plain HTTP to the TLS port gets no API answer either
            String plainUri = api.uri("/health").toString().replace("https://", "http://");
            HttpResponse<String> plain = null;
            try {
                plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(java.net.URI.create(plainUri)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException refused) {
                // the connection closed: fine
            }
            if (plain != null) {
                assertThat(plain.statusCode()).isEqualTo(400);
            }
        }
    }

    @Test
    void aTokenOverItsRateGets429WithRetryAfterWhileAnotherTokenIsServed() throws Exception {
        try (ApiFixture api = new ApiFixture(StoreKind.H2, tmp, ApiFixture.loopback(5))) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                statuses.add(api.get("/employees").status());
            }
            assertThat(statuses.subList(0, 5)).containsOnly(200);
            assertThat(statuses.subList(5, 8)).containsOnly(429);
            ApiFixture.Reply limited = api.get("/employees");
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.json().get("error").asText()).isEqualTo("too_many_requests");
            HttpResponse<String> raw = api.http.send(HttpRequest.newBuilder(api.uri("/employees"))
                    .header("Authorization", "Bearer " + api.admin).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(raw.statusCode()).isEqualTo(429);
            assertThat(raw.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(api.send("GET", "/employees", api.reader, null, null).status()).isEqualTo(200);
            // health needs no token, so it is never limited: a monitor polls it
            assertThat(api.send("GET", "/health", null, null, null).status()).isEqualTo(200);
        }
    }

    @Test
    void anOversizeUploadGets413AndEnrolsNothing() {
        try (ApiFixture api = new ApiFixture(StoreKind.H2, tmp, ApiFixture.loopback(1000))) {
            api.services.employees().add("E1", "Erika One", null, "test");
            String boundary = "facecheckboundary";
            String big = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"a.jpg\"\r\n"
                    + "Content-Type: image/jpeg\r\n\r\n" + "x".repeat((int) ApiFixture.MAX_BODY + 10) + "\r\n--"
                    + boundary + "--\r\n";
            ApiFixture.Reply r = api.send("POST", "/employees/E1/faces", api.admin,
                    "multipart/form-data; boundary=" + boundary, big);
            assertThat(r.status()).as(r.body()).isEqualTo(413);
            assertThat(r.json().get("error").asText()).isEqualTo("payload_too_large");

            // a chunked body declares no length: it is cut off at the limit while read
            HttpRequest chunked = HttpRequest.newBuilder(api.uri("/employees"))
                    .header("Authorization", "Bearer " + api.admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(ApiSafetyTest::oversizeJson)).build();
            ApiFixture.Reply c = api.send(chunked);
            assertThat(c.status()).as(c.body()).isEqualTo(413);

            HttpRequest chunkedUpload = HttpRequest.newBuilder(api.uri("/employees/E1/faces"))
                    .header("Authorization", "Bearer " + api.admin)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                            big.getBytes()))).build();
            ApiFixture.Reply u = api.send(chunkedUpload);
            assertThat(u.status()).as(u.body()).isEqualTo(413);
            assertThat(api.services.employees().list(true)).hasSize(1);
        }
    }

    private static InputStream oversizeJson() {
        byte[] body = ("{\"code\":\"X\",\"name\":\"" + "n".repeat((int) ApiFixture.MAX_BODY * 2) + "\"}").getBytes();
        return new java.io.ByteArrayInputStream(body);
    }

    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore server = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            server.load(in, PASSWORD);
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("facecheck", server.getCertificate("facecheck"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return ssl;
    }
}
