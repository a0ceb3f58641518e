package io.facecheck.cli;

import io.facecheck.api.ApiConfig;
import io.facecheck.api.ApiServer;
import io.facecheck.api.ApiServices;
import io.facecheck.app.ApiScope;
import io.facecheck.app.Backend;
import io.facecheck.store.Direction;
import io.facecheck.store.Employee;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code bench --api}: a real {@code serve} on a loopback port over a store, and concurrent clients, each with its own
 * connection, for a while: four in five requests read a page of events (by day, or by day and employee), one in five
 * posts a correction. Requests a second, latency percentiles and errors (any answer but 200/201, or no answer). The
 * made-up people (with their events) are deleted again and the token revoked.
 */
final class ApiBench {
    static final String PREFIX = "BENCH-API";
    private static final int PEOPLE = 50;
    private static final int EVENTS_EACH = 20;
    private static final LocalDate DAY = LocalDate.of(2026, 4, 1);

    private ApiBench() {
    }

    static Map<String, Object> measure(Backend db, int clients, int seconds) {
        ApiServices services = ServeCommand.services(db, ZoneOffset.UTC, () -> {
            throw new IllegalStateException("the API benchmark enrols no faces");
        });
        if (!services.employees().list(true).isEmpty()) {
            throw CliException.of(ExitCodes.FAILURE, "cli.bench.apiNotEmpty", db.displayName(), PEOPLE);
        }
        String tokenName = "bench-api-" + System.currentTimeMillis();
        try {
            fill(services);
            String token = services.tokens().create(tokenName, EnumSet.allOf(ApiScope.class), "bench").secret();
            ApiConfig config = new ApiConfig("127.0.0.1", 0, null, null, false, ApiConfig.DEFAULT_MAX_BODY,
                    Integer.MAX_VALUE / 2);
            try (ApiServer server = ApiServer.start(config, services)) {
                return load(server.baseUri(), token, clients, seconds);
            }
        } finally {
            for (Employee e : services.employees().list(true)) {
                if (e.code().startsWith(PREFIX)) {
                    services.employees().delete(e.code(), "bench"); // with their events
                }
            }
            services.tokens().list().stream().filter(t -> t.name().equals(tokenName) && t.active())
                    .forEach(t -> services.tokens().revoke(tokenName, "bench"));
        }
    }

    private static void fill(ApiServices services) {
        Instant start = DAY.atTime(7, 0).toInstant(ZoneOffset.UTC);
        for (int p = 0; p < PEOPLE; p++) {
            String code = PREFIX + p;
            services.employees().add(code, "Bench Person " + p, "Bench", "bench");
            for (int e = 0; e < EVENTS_EACH; e++) {
                services.corrections().add(code, start.plusSeconds(p * 7L + e * 1800L),
                        e % 2 == 0 ? Direction.IN : Direction.OUT, "bench seed", "bench");
            }
        }
    }

    private static Map<String, Object> load(URI base, String token, int clients, int seconds) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<long[]> latencies = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong writes = new AtomicLong();
        AtomicLong reads = new AtomicLong();
        Map<String, Long> firstErrors = new LinkedHashMap<>();
        CountDownLatch done = new CountDownLatch(clients);
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            long[][] mine = new long[1][];
            List<Long> own = new ArrayList<>();
            int client = c;
            Thread t = new Thread(() -> {
                Random random = new Random(client);
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10)).build();
                for (long i = 0; System.nanoTime() < end; i++) {
                    boolean write = i % 5 == 4;
                    HttpRequest request = write ? correction(base, token, random) : read(base, token, random);
                    long s = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != (write ? 201 : 200)) {
                            errors.incrementAndGet();
                            note(firstErrors, r.statusCode() + " " + r.body());
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        note(firstErrors, e.toString());
                    }
                    own.add(System.nanoTime() - s);
                    (write ? writes : reads).incrementAndGet();
                }
                mine[0] = own.stream().mapToLong(Long::longValue).toArray();
                synchronized (latencies) {
                    latencies.add(mine[0]);
                }
                done.countDown();
            }, "bench-api-client-" + c);
            t.setDaemon(true);
            t.start();
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("clients", clients);
        out.put("seconds", Math.round(elapsed * 10) / 10.0);
        out.put("requests", all.length);
        out.put("reads", reads.get());
        out.put("corrections", writes.get());
        out.put("requestsPerSecond", Math.round(all.length / elapsed));
        out.put("p50Ms", ms(all, 0.50));
        out.put("p99Ms", ms(all, 0.99));
        out.put("maxMs", all.length == 0 ? 0 : Math.round(all[all.length - 1] / 1e5) / 10.0);
        out.put("errors", errors.get());
        if (!firstErrors.isEmpty()) {
            out.put("firstErrors", firstErrors);
        }
        return out;
    }

    private static void note(Map<String, Long> firstErrors, String what) {
        synchronized (firstErrors) {
            if (firstErrors.size() < 5 || firstErrors.containsKey(what)) {
                firstErrors.merge(what.length() > 200 ? what.substring(0, 200) : what, 1L, Long::sum);
            }
        }
    }

    private static double ms(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : Math.round(sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e5) / 10.0;
    }

    private static HttpRequest read(URI base, String token, Random random) {
        String query = "/events?from=" + DAY + "&to=" + DAY + "&limit=50"
                + (random.nextBoolean() ? "&code=" + PREFIX + random.nextInt(PEOPLE) : "");
        return HttpRequest.newBuilder(URI.create(base + query)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).build();
    }

    private static HttpRequest correction(URI base, String token, Random random) {
        Instant at = DAY.atTime(6, 0).toInstant(ZoneOffset.UTC).plusSeconds(random.nextInt(16 * 3600));
        String body = "{\"code\":\"" + PREFIX + random.nextInt(PEOPLE) + "\",\"at\":\"" + at + "\",\"direction\":\""
                + (random.nextBoolean() ? "IN" : "OUT") + "\",\"reason\":\"bench: forgot to check in\"}";
        return HttpRequest.newBuilder(URI.create(base + "/events")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
