package io.facecheck.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real webhook receiver on a loopback port, as a payroll system would run one: it answers 503 while it is
 * {@link #down()} (or for its first {@code failFirst} requests), else checks each request's signature as the docs
 * tell receivers to and answers 204. Every request is kept, with whether its signature verified.
 */
public final class WebhookReceiver implements AutoCloseable {
    /** One request as received: its event (parsed body), whether it was accepted, whether its signature held. */
    public record Received(String id, String type, JsonNode body, boolean accepted, boolean signatureValid,
                           String eventIdHeader) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final byte[] secret;
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger failFirst;
    private volatile boolean down;
    /** While set, each request is kept but not answered until {@link #up()} (a receiver that hangs). */
    private volatile java.util.concurrent.CountDownLatch holding;

    public WebhookReceiver(byte[] secret, int failFirst) {
        this.secret = secret;
        this.failFirst = new AtomicInteger(failFirst);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", this::handle);
        // a held request must not keep the next one waiting behind it
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "webhook-receiver");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Answers 503 to everything until {@link #up()}. */
    public WebhookReceiver down() {
        down = true;
        return this;
    }

    /** Keeps each request unanswered until {@link #up()}, which then answers it 503. */
    public WebhookReceiver hold() {
        holding = new java.util.concurrent.CountDownLatch(1);
        return this;
    }

    public WebhookReceiver up() {
        down = false;
        java.util.concurrent.CountDownLatch h = holding;
        holding = null;
        if (h != null) {
            h.countDown();
        }
        return this;
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        boolean valid = WebhookSignature.verify(secret,
                ex.getRequestHeaders().getFirst(WebhookSignature.TIMESTAMP_HEADER),
                ex.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER), body, Instant.now(),
                WebhookSignature.TOLERANCE);
        java.util.concurrent.CountDownLatch held = holding;
        if (held != null) {
            synchronized (received) {
                received.add(new Received(JSON.readTree(body).path("id").asText(), "held", JSON.readTree(body),
                        false, valid, ex.getRequestHeaders().getFirst(WebhookSignature.EVENT_ID_HEADER)));
            }
            try {
                held.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
            return;
        }
        boolean accept = !down && failFirst.getAndDecrement() <= 0 && valid;
        JsonNode n = JSON.readTree(body);
        synchronized (received) {
            received.add(new Received(n.path("id").asText(), n.path("type").asText(), n, accept, valid,
                    ex.getRequestHeaders().getFirst(WebhookSignature.EVENT_ID_HEADER)));
        }
        byte[] answer = (accept ? "" : "not now").getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(accept ? 204 : 503, accept ? -1 : answer.length);
        if (!accept) {
            ex.getResponseBody().write(answer);
        }
        ex.close();
    }

    /** Every request so far, in arrival order. */
    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The accepted events by id (the last accepted copy of each). */
    public Map<String, Received> accepted() {
        Map<String, Received> out = new LinkedHashMap<>();
        for (Received r : received()) {
            if (r.accepted()) {
                out.put(r.id(), r);
            }
        }
        return out;
    }

    /** The {@code data} of every accepted event of {@code type}. */
    public List<JsonNode> acceptedData(String type) {
        List<JsonNode> out = new ArrayList<>();
        for (Received r : accepted().values()) {
            if (r.type().equals(type)) {
                out.add(r.body().path("data"));
            }
        }
        return out;
    }

    @Override
    public void close() {
        up();
        server.stop(0);
    }
}
