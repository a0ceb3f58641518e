package io.facecheck.api;

import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Errors Jetty answers itself, before any route (a malformed URI, an ambiguous path such as an encoded {@code ..}),
 * in the API's JSON shape rather than Jetty's HTML page.
 */
final class JsonJettyErrors extends ErrorHandler {
    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
                                              jakarta.servlet.http.HttpServletResponse response, int code,
                                              String message) throws IOException {
        baseRequest.setHandled(true);
        response.setContentType("application/json");
        Writer w = response.getWriter();
        w.write(body(code));
    }

    /** What Jetty refuses while still parsing the request (an ambiguous path segment, a bad header). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(status).getBytes(StandardCharsets.UTF_8));
    }

    private static String body(int code) {
        return ApiJson.write(Map.of("error", ApiErrors.word(code),
                "message", code >= 500 ? "the server failed to answer this request" : "the request cannot be read ("
                        + code + ")"));
    }
}
