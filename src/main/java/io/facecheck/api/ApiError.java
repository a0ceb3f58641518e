package io.facecheck.api;

/** A request the API answers with a 4xx: {@code error} is a stable word for programs, the message is for people. */
final class ApiError extends RuntimeException {
    private final int status;
    private final String error;

    ApiError(int status, String error, String message) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, "bad_request", message);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, "not_found", message);
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }
}
