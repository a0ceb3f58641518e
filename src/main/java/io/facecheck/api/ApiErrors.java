package io.facecheck.api;

import io.facecheck.app.InvalidInput;
import io.facecheck.store.StoreException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every failure as JSON {@code {error, message}} with its status: the services' refusals become 400/404/409, a
 * database that cannot be reached 503, and anything unexpected a bare 500 whose details go to the log only.
 */
final class ApiErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {
    }

    static void send(Context ctx, int status, String error, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        ctx.status(status).contentType("application/json").result(ApiJson.write(body));
    }

    static void handle(Exception e, Context ctx) {
        if (e instanceof ApiError a) {
            send(ctx, a.status(), a.error(), a.getMessage());
        } else if (e instanceof InvalidInput) {
            send(ctx, 400, "bad_request", e.getMessage());
        } else if (e instanceof StoreException s) {
            switch (s.kind()) {
                case NOT_FOUND -> send(ctx, 404, "not_found", s.getMessage());
                case CONFLICT -> send(ctx, 409, "conflict", s.getMessage());
                case INVALID -> send(ctx, 400, "bad_request", s.getMessage());
                default -> {
                    if (s.unreachable()) {
                        LOG.warn("{} {}: database unreachable: {}", ctx.method(), ctx.path(), s.getMessage());
                        send(ctx, 503, "unavailable", "the database cannot be reached; try again later");
                    } else {
                        internal(e, ctx);
                    }
                }
            }
        } else if (e instanceof HttpResponseException h) {
            // Javalin's own refusals (a body over the limit, a malformed multipart body)
            send(ctx, h.getStatus(), word(h.getStatus()), h.getMessage());
        } else {
            internal(e, ctx);
        }
    }

    private static void internal(Exception e, Context ctx) {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        send(ctx, 500, "internal", "the server failed to answer this request; the details are in its log");
    }

    static String word(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 409 -> "conflict";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "too_many_requests";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal" : "bad_request";
        };
    }

    /** A value echoed in a message, cut short: an error never repeats a megabyte back. */
    static String clip(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
