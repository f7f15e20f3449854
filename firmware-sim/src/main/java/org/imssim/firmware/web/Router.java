package org.imssim.firmware.web;

import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API's routes: a method, a path pattern with {@code {name}} segments, whether the call needs
 * credentials, and its handler. Routes are added while the unit is assembled, then only read.
 */
public final class Router {

    /** A route found for a request, with the path parameters it matched. */
    public record Match(Route route, Map<String, String> pathParams) {
    }

    /** One route. */
    public record Route(HttpMethod method, String pattern, boolean open, ApiHandler handler) {
    }

    private final List<Route> routes = new ArrayList<>();

    /** Adds a call that needs the credentials of an enabled profile. */
    public Router add(HttpMethod method, String pattern, ApiHandler handler) {
        routes.add(new Route(method, pattern, false, handler));
        return this;
    }

    /** Adds a call anyone may make (only {@code /api/health}). */
    public Router addOpen(HttpMethod method, String pattern, ApiHandler handler) {
        routes.add(new Route(method, pattern, true, handler));
        return this;
    }

    /** The route for this method and path. */
    public Optional<Match> find(HttpMethod method, String path) {
        for (Route route : routes) {
            if (!route.method().equals(method)) {
                continue;
            }
            Map<String, String> params = match(route.pattern(), path);
            if (params != null) {
                return Optional.of(new Match(route, params));
            }
        }
        return Optional.empty();
    }

    /** True when some route has this path, whatever its method. */
    public boolean hasPath(String path) {
        return routes.stream().anyMatch(r -> match(r.pattern(), path) != null);
    }

    /** True when every route for this path is open (so the call needs no credentials). */
    public boolean isOpen(String path) {
        List<Route> forPath = routes.stream().filter(r -> match(r.pattern(), path) != null).toList();
        return !forPath.isEmpty() && forPath.stream().allMatch(Route::open);
    }

    private static Map<String, String> match(String pattern, String path) {
        String[] want = pattern.split("/", -1);
        String[] got = path.split("/", -1);
        if (want.length != got.length) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < want.length; i++) {
            String w = want[i];
            if (w.startsWith("{") && w.endsWith("}")) {
                if (got[i].isEmpty()) {
                    return null;
                }
                params.put(w.substring(1, w.length() - 1), got[i]);
            } else if (!w.equals(got[i])) {
                return null;
            }
        }
        return params;
    }
}
