package io.facecheck.api;

import io.facecheck.store.ApiToken;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code facecheck serve}: Javalin on Jetty, the routes of {@link EmployeeRoutes} and {@link RecordRoutes} under
 * {@link #BASE}, and before each matched route the checks in this order: token (401), rate (429), scope (403),
 * body size (413). The OpenAPI document is a resource served as is.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    public static final String BASE = "/api/v1";
    static final String OPENAPI = "/openapi.json";
    private static final String TOKEN = "facecheck.token";
    private static final String MAX_BODY = "facecheck.maxBody";

    private final Javalin app;
    private final ApiConfig config;
    private final List<Route> routes;

    private ApiServer(Javalin app, ApiConfig config, List<Route> routes) {
        this.app = app;
        this.config = config;
        this.routes = routes;
    }

    /**
     * Checks the configuration ({@link ApiConfig#check}), then listens.
     *
     * @throws IllegalArgumentException when the configuration is refused; nothing listens then
     */
    public static ApiServer start(ApiConfig config, ApiServices services) {
        config.check();
        List<Route> routes = routes(services);
        String openApi = openApiDocument();
        RateLimiter limiter = new RateLimiter(config.requestsPerMinute());
        Javalin app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.http.maxRequestSize = config.maxBodyBytes();
            cfg.http.prefer405over404 = true;
            cfg.jetty.multipartConfig.maxTotalRequestSize(config.maxBodyBytes(), SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxFileSize(config.maxBodyBytes(), SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxInMemoryFileSize(1 << 20, SizeUnit.BYTES);
            cfg.jetty.modifyServer(server -> {
                server.setConnectors(new org.eclipse.jetty.server.Connector[] {connector(server, config)});
                server.setErrorHandler(new JsonJettyErrors());
            });
        });
        app.beforeMatched(ctx -> checkRequest(ctx, services, limiter, config));
        for (Route r : routes) {
            RouteRole[] roles = r.scope() == null ? new RouteRole[0] : new RouteRole[] {new Route.ScopeRole(r.scope())};
            app.addHttpHandler(r.method(), BASE + r.path(), r.handler(), roles);
        }
        app.get(BASE + OPENAPI, ctx -> ctx.status(200).contentType("application/json").result(openApi));
        app.exception(Exception.class, ApiErrors::handle);
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty() || !"application/json".equals(ctx.contentType())) {
                ApiErrors.send(ctx, 404, "not_found", "no route " + ApiErrors.clip(ctx.path()));
            }
        });
        app.error(405, ctx -> ApiErrors.send(ctx, 405, "method_not_allowed", ctx.method() + " is not allowed on "
                + ApiErrors.clip(ctx.path())));
        app.start();
        ApiServer s = new ApiServer(app, config, routes);
        LOG.info("API listening on {}", s.baseUri());
        return s;
    }

    static List<Route> routes(ApiServices services) {
        List<Route> all = new ArrayList<>();
        all.add(Route.get("/health", null, ctx -> json(ctx, 200, Map.of("status", "ok"))));
        all.addAll(new EmployeeRoutes(services).routes());
        all.addAll(new RecordRoutes(services).routes());
        return List.copyOf(all);
    }

    /** The routes as registered, {@code /api/v1/openapi.json} included (for the OpenAPI test). */
    public List<String> registered() {
        List<String> out = new ArrayList<>();
        routes.forEach(r -> out.add(r.method().name() + " " + BASE + r.path()));
        out.add(HandlerType.GET.name() + " " + BASE + OPENAPI);
        return out;
    }

    public int port() {
        return app.port();
    }

    /** {@code http(s)://host:port/api/v1}. */
    public URI baseUri() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return URI.create((config.tls() ? "https" : "http") + "://" + host + ":" + port() + BASE);
    }

    @Override
    public void close() {
        app.stop();
    }

    /** Writes {@code body} as JSON with {@code status}. */
    static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(ApiJson.write(body));
    }

    /** The token's name: the actor of every write. */
    static String actor(Context ctx) {
        ApiToken t = ctx.attribute(TOKEN);
        return t.name();
    }

    private static void checkRequest(Context ctx, ApiServices services, RateLimiter limiter, ApiConfig config) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty()) {
            return; // health, openapi.json
        }
        String auth = ctx.header("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiError(401, "unauthorized", "send a token: Authorization: Bearer <token> "
                    + "(facecheck api-tokens create)");
        }
        ApiToken token = services.tokens().authenticate(auth.substring(7).strip()).orElseThrow(() ->
                new ApiError(401, "unauthorized", "the token is unknown or revoked"));
        if (!limiter.allow(token.name())) {
            ctx.header("Retry-After", "1");
            throw new ApiError(429, "too_many_requests", "more than " + config.requestsPerMinute()
                    + " requests a minute with token " + token.name() + "; slow down");
        }
        Route.ScopeRole need = (Route.ScopeRole) roles.iterator().next();
        if (!token.scopes().contains(need.scope().word())) {
            throw new ApiError(403, "forbidden", "token " + token.name() + " lacks the scope " + need.scope().word());
        }
        long length = ctx.contentLength();
        if (length > config.maxBodyBytes()) {
            throw tooLarge("the body is " + length + " bytes; at most " + config.maxBodyBytes() + " are taken");
        }
        ctx.attribute(TOKEN, token);
        ctx.attribute(MAX_BODY, config.maxBodyBytes());
    }

    /**
     * The request body, read up to the size limit. A chunked body declares no length, so the check before the route
     * cannot see its size, and Javalin's own limit looks only at the declared length: this one counts the bytes.
     *
     * @throws ApiError 413 when the body is longer than the limit
     */
    static byte[] boundedBody(Context ctx) throws IOException {
        Long limit = ctx.attribute(MAX_BODY);
        long max = limit == null ? ApiConfig.DEFAULT_MAX_BODY : limit;
        byte[] body = ctx.req().getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (body.length > max) {
            throw tooLarge("more than " + max + " bytes were sent; at most " + max + " are taken");
        }
        return body;
    }

    static ApiError tooLarge(String message) {
        return new ApiError(413, "payload_too_large", message);
    }

    private static ServerConnector connector(Server server, ApiConfig config) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector c;
        if (config.tls()) {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(config.keystore().toAbsolutePath().toString());
            ssl.setKeyStoreType("PKCS12");
            ssl.setKeyStorePassword(new String(config.keystorePassword()));
            http.addCustomizer(new SecureRequestCustomizer(false)); // SNI checks would refuse localhost and IPs
            c = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
        } else {
            c = new ServerConnector(server, new HttpConnectionFactory(http));
        }
        c.setHost(config.host());
        c.setPort(config.port());
        return c;
    }

    static String openApiDocument() {
        try (InputStream in = ApiServer.class.getResourceAsStream("openapi.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
