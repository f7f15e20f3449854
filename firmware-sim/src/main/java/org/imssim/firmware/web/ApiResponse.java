package org.imssim.firmware.web;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An answer of the HTTP API: a status, a content type and a body; JSON bodies are written by
 * {@link Json}. Errors are always {@code {"error": "<sentence>"}} (SPEC §13).
 */
public record ApiResponse(HttpResponseStatus status, String contentType, byte[] body, Map<String, String> headers) {

    public static final String JSON = "application/json; charset=utf-8";

    public static ApiResponse json(HttpResponseStatus status, Object value) {
        return new ApiResponse(status, JSON, Json.write(value), Map.of());
    }

    public static ApiResponse ok(Object value) {
        return json(HttpResponseStatus.OK, value);
    }

    public static ApiResponse error(HttpResponseStatus status, String sentence) {
        return json(status, Map.of("error", sentence));
    }

    public static ApiResponse text(HttpResponseStatus status, String contentType, String text) {
        return new ApiResponse(status, contentType, text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** The same answer with one more header. */
    public ApiResponse withHeader(String name, String value) {
        java.util.LinkedHashMap<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiResponse(status, contentType, body, Map.copyOf(more));
    }
}
