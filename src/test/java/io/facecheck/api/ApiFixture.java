package io.facecheck.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.facecheck.app.ApiScope;
import io.facecheck.app.ApiTokenService;
import io.facecheck.app.CorrectionService;
import io.facecheck.app.EmployeeAdminService;
import io.facecheck.app.EventService;
import io.facecheck.app.KioskService;
import io.facecheck.app.PhotoEnrollment;
import io.facecheck.app.TimesheetService;
import io.facecheck.attendance.EnrollmentService;
import io.facecheck.store.Database;
import io.facecheck.store.StoreKind;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A real API server on a free loopback port over a real database (H2 file or PostgreSQL), with tokens: {@link #admin}
 * has every scope, {@link #reader} only {@code employees:read}. Requests go through {@link HttpClient}.
 */
final class ApiFixture implements AutoCloseable {
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    static final long MAX_BODY = 64 << 10;
    static final ObjectMapper JSON = new ObjectMapper();

    final Database db;
    final ApiServices services;
    final ApiServer server;
    final String admin;
    final String reader;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    ApiFixture(StoreKind kind, Path dir, Supplier<EnrollmentService> enrollment, ApiConfig config) {
        db = kind.open(kind.newUrl(dir));
        services = new ApiServices(new EmployeeAdminService(db), new PhotoEnrollment(enrollment), new EventService(db),
                new CorrectionService(db, ZONE), new TimesheetService(db), new KioskService(db),
                new ApiTokenService(db), ZONE);
        admin = services.tokens().create("payroll", EnumSet.allOf(ApiScope.class), "test").secret();
        reader = services.tokens().create("viewer", Set.of(ApiScope.EMPLOYEES_READ), "test").secret();
        server = ApiServer.start(config, services);
    }

    ApiFixture(StoreKind kind, Path dir, ApiConfig config) {
        this(kind, dir, () -> {
            throw new IllegalStateException("this test enrols no faces");
        }, config);
    }

    ApiFixture(StoreKind kind, Path dir) {
        this(kind, dir, loopback(100_000));
    }

    /** Plain HTTP on a free loopback port, bodies up to {@link #MAX_BODY}, {@code requestsPerMinute} per token. */
    static ApiConfig loopback(int requestsPerMinute) {
        return new ApiConfig("127.0.0.1", 0, null, null, false, MAX_BODY, requestsPerMinute);
    }

    URI uri(String pathAndQuery) {
        return URI.create(server.baseUri() + pathAndQuery);
    }

    /** A request with {@code token} (null: none) and a body of {@code contentType} (null body: none). */
    Reply send(String method, String pathAndQuery, String token, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b.build());
    }

    Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply get(String pathAndQuery) {
        return send("GET", pathAndQuery, admin, null, null);
    }

    Reply json(String method, String pathAndQuery, String body) {
        return send(method, pathAndQuery, admin, "application/json", body);
    }

    @Override
    public void close() {
        server.close();
        db.close();
    }

    record Reply(int status, String body, String contentType) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }
}
