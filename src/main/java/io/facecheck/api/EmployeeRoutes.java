package io.facecheck.api;

import io.facecheck.app.ApiScope;
import io.facecheck.app.EmployeeAdminService;
import io.facecheck.app.PhotoEnrollment;
import io.facecheck.store.Employee;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code /employees}: list, add, read, change, delete; enrol photos and erase face data. */
final class EmployeeRoutes {
    /** More photos than this in one upload is refused: enrollment needs a handful, not an album. */
    static final int MAX_PHOTOS = 10;

    private final ApiServices services;

    EmployeeRoutes(ApiServices services) {
        this.services = services;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/employees", ApiScope.EMPLOYEES_READ, this::list),
                Route.post("/employees", ApiScope.EMPLOYEES_WRITE, this::add),
                Route.get("/employees/{code}", ApiScope.EMPLOYEES_READ, this::get),
                Route.patch("/employees/{code}", ApiScope.EMPLOYEES_WRITE, this::update),
                Route.delete("/employees/{code}", ApiScope.EMPLOYEES_WRITE, this::delete),
                Route.post("/employees/{code}/faces", ApiScope.EMPLOYEES_WRITE, this::enrol),
                Route.delete("/employees/{code}/faces", ApiScope.EMPLOYEES_WRITE, this::eraseFace));
    }

    private EmployeeAdminService employees() {
        return services.employees();
    }

    private void list(Context ctx) {
        boolean all = Params.bool(ctx, "all");
        List<Object> out = new ArrayList<>();
        employees().list(all).forEach(e -> out.add(Views.employee(e)));
        ApiServer.json(ctx, 200, Map.of("employees", out));
    }

    private void add(Context ctx) {
        JsonBody b = JsonBody.of(ctx, Set.of("code", "name", "department"));
        Employee e = employees().add(addressable(b.requiredText("code")), b.requiredText("name"), b.text("department"),
                ApiServer.actor(ctx));
        ctx.header("Location", ApiServer.BASE + "/employees/" + Params.encode(e.code()));
        ApiServer.json(ctx, 201, Views.employee(e));
    }

    private void get(Context ctx) {
        String code = ctx.pathParam("code");
        Employee e = employees().get(code).orElseThrow(() -> noEmployee(code));
        ApiServer.json(ctx, 200, Views.employee(e));
    }

    private void update(Context ctx) {
        JsonBody b = JsonBody.of(ctx, Set.of("name", "department", "greetingName", "reading", "active"));
        var changes = new EmployeeAdminService.Changes(b.text("name"), b.text("department"), b.text("greetingName"),
                b.text("reading"), b.bool("active"));
        ApiServer.json(ctx, 200, Views.employee(employees().update(ctx.pathParam("code"), changes,
                ApiServer.actor(ctx))));
    }

    private void delete(Context ctx) {
        String code = ctx.pathParam("code");
        if (!employees().delete(code, ApiServer.actor(ctx))) {
            throw noEmployee(code);
        }
        ctx.status(204);
    }

    private void eraseFace(Context ctx) {
        String code = ctx.pathParam("code");
        int n = employees().eraseFace(code, ApiServer.actor(ctx));
        if (n < 0) {
            throw noEmployee(code);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("templatesErased", n);
        ApiServer.json(ctx, 200, m);
    }

    private void enrol(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("multipart/form-data")) {
            throw new ApiError(415, "unsupported_media_type", "send the photos as multipart/form-data");
        }
        String code = ctx.pathParam("code");
        if (employees().get(code).isEmpty()) {
            throw noEmployee(code);
        }
        List<UploadedFile> files = uploads(ctx);
        if (files.isEmpty() || files.size() > MAX_PHOTOS) {
            throw ApiError.badRequest("send 1 to " + MAX_PHOTOS + " photos as file parts (got " + files.size() + ")");
        }
        List<PhotoEnrollment.Photo> photos = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (UploadedFile f : files) {
            String name = f.filename() == null || f.filename().isBlank() ? "photo" : ApiErrors.clip(f.filename());
            name = JsonBody.checked("filename", name);
            String unique = name;
            for (int i = 2; !names.add(unique); i++) {
                unique = name + " (" + i + ")";
            }
            try (InputStream in = f.content()) {
                photos.add(new PhotoEnrollment.Photo(unique, in.readAllBytes()));
            } catch (IOException e) {
                throw ApiError.badRequest("the upload of " + unique + " could not be read");
            }
        }
        PhotoEnrollment.Outcome o = services.faces().enroll(code, photos, ApiServer.actor(ctx));
        Map<String, Object> m = new LinkedHashMap<>();
        if (o.refusal() != null) {
            m.put("error", "conflict");
            m.put("message", "not enrolled: " + o.refusal());
        } else if (o.added() == 0) {
            m.put("error", "bad_request");
            m.put("message", "not enrolled: no photo shows one face good enough to enrol");
        }
        m.put("code", code);
        m.put("added", o.added());
        m.put("photos", o.verdicts().stream().map(Views::verdict).toList());
        ApiServer.json(ctx, o.refusal() != null ? 409 : o.added() == 0 ? 400 : 201, m);
    }

    /**
     * The file parts. Jetty's parser throws on a body that is not multipart (IOException) and on one over the size
     * limit while it reads a chunked body (IllegalStateException "exceeds max…"): a client's errors, not the server's.
     */
    private static List<UploadedFile> uploads(Context ctx) {
        try {
            return ctx.uploadedFiles();
        } catch (IllegalStateException e) {
            if (e.getMessage() != null && e.getMessage().contains("exceeds")) {
                throw ApiServer.tooLarge("the upload is over the size limit: " + ApiErrors.clip(e.getMessage()));
            }
            throw ApiError.badRequest("the multipart body cannot be read: " + ApiErrors.clip(String.valueOf(e.getMessage())));
        } catch (Exception e) { // Kotlin declares no checked exceptions, yet Jetty's IOException comes through
            throw ApiError.badRequest("the multipart body cannot be read: " + ApiErrors.clip(String.valueOf(e.getMessage())));
        }
    }

    /**
     * A new code must be usable as one path segment, {@code /employees/{code}}: no slash or backslash, not a dot
     * segment, and no invisible format characters (a right-to-left override would show a code other than it is).
     */
    private static String addressable(String code) {
        String c = code.strip();
        if (c.equals(".") || c.equals("..") || c.contains("/") || c.contains("\\")
                || c.codePoints().anyMatch(ch -> Character.getType(ch) == Character.FORMAT)) {
            throw ApiError.badRequest("employee code '" + ApiErrors.clip(c) + "' cannot be used in a URL: no '/', "
                    + "'\\', '.' or '..' alone, and no invisible format characters");
        }
        return code;
    }

    private static ApiError noEmployee(String code) {
        return ApiError.notFound("no employee with code " + ApiErrors.clip(code));
    }
}
