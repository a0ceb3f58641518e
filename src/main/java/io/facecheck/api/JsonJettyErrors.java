package io.facecheck.api;

import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

import java.io.IOException;
import java.io.Writer;

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
        w.write(ApiJson.write(java.util.Map.of("error", ApiErrors.word(code),
                "message", code >= 500 ? "the server failed to answer this request" : "the request cannot be read ("
                        + code + ")")));
    }
}
