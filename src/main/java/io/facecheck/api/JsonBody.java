package io.facecheck.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A request's JSON object, read strictly: the content type must say JSON (else 415), the body must be one object
 * (else 400) with only the fields the route knows (a misspelt field is an error, not a silent no-op), each of the
 * right type. Texts are refused when no database could store them (NUL, unpaired surrogates) or are too long.
 */
final class JsonBody {
    /** The longest text any field takes (a correction's reason); shorter limits are the services'. */
    static final int MAX_TEXT = 1000;

    private final ObjectNode node;

    private JsonBody(ObjectNode node) {
        this.node = node;
    }

    static JsonBody of(Context ctx, Set<String> fields) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.equals("application/json") && !type.startsWith("application/json;")) {
            throw new ApiError(415, "unsupported_media_type", "send the body as application/json (got "
                    + (type.isEmpty() ? "no content type" : "'" + ApiErrors.clip(type) + "'") + ")");
        }
        JsonNode n;
        try {
            n = ApiJson.MAPPER.readTree(ApiServer.boundedBody(ctx));
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("the body is not valid JSON: " + ApiErrors.clip(e.getOriginalMessage()));
        } catch (java.io.IOException e) {
            throw ApiError.badRequest("the body cannot be read");
        }
        if (!(n instanceof ObjectNode o)) {
            throw ApiError.badRequest("the body must be a JSON object");
        }
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!fields.contains(f)) {
                unknown.add(ApiErrors.clip(f));
            }
        }
        if (!unknown.isEmpty()) {
            throw ApiError.badRequest("unknown field(s) " + unknown + "; this route takes " + fields);
        }
        return new JsonBody(o);
    }

    /** The text field, or null when absent or JSON null. */
    String text(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw ApiError.badRequest("'" + field + "' must be a string, not " + kind(v));
        }
        return checked(field, v.asText());
    }

    String requiredText(String field) {
        String v = text(field);
        if (v == null) {
            throw ApiError.badRequest("'" + field + "' is required");
        }
        return v;
    }

    Boolean bool(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw ApiError.badRequest("'" + field + "' must be true or false, not " + kind(v));
        }
        return v.booleanValue();
    }

    /** Refuses what no column can hold; the services check the rest (length, control characters). */
    static String checked(String field, String s) {
        if (s.length() > MAX_TEXT) {
            throw ApiError.badRequest("'" + field + "' is too long: at most " + MAX_TEXT + " characters (got "
                    + s.length() + ")");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                throw ApiError.badRequest("'" + field + "' contains a NUL character (at character " + (i + 1) + ")");
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw ApiError.badRequest("'" + field + "' contains an unpaired UTF-16 surrogate (at character "
                        + (i + 1) + "): not text");
            }
        }
        return s;
    }

    private static String kind(JsonNode v) {
        return v.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
