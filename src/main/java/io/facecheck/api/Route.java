package io.facecheck.api;

import io.facecheck.app.ApiScope;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;

/**
 * One route of the API: method, path under {@link ApiServer#BASE} ({@code {code}} for a path parameter, as in
 * OpenAPI), the scope it needs (null: no token at all), and its handler. The server registers exactly these, and
 * the OpenAPI test compares them with the published document.
 */
public record Route(HandlerType method, String path, ApiScope scope, Handler handler) {
    /** A scope as Javalin carries it on a route. */
    record ScopeRole(ApiScope scope) implements RouteRole {
    }

    static Route get(String path, ApiScope scope, Handler h) {
        return new Route(HandlerType.GET, path, scope, h);
    }

    static Route post(String path, ApiScope scope, Handler h) {
        return new Route(HandlerType.POST, path, scope, h);
    }

    static Route patch(String path, ApiScope scope, Handler h) {
        return new Route(HandlerType.PATCH, path, scope, h);
    }

    static Route delete(String path, ApiScope scope, Handler h) {
        return new Route(HandlerType.DELETE, path, scope, h);
    }
}
