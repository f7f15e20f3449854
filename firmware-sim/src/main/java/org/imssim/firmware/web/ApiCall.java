package org.imssim.firmware.web;

import io.netty.handler.codec.http.HttpMethod;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One API request, as a handler sees it: the path parameters of its route, the query, the body,
 * and the profile's username once credentials were checked (empty for open calls).
 */
public record ApiCall(HttpMethod method, String path, Map<String, String> pathParams,
                      Map<String, List<String>> query, byte[] body, Optional<String> username) {

    /** The first value of a query parameter, if given. */
    public Optional<String> queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
