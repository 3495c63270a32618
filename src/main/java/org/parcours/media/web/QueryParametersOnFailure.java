package org.parcours.media.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A request whose parameters come from the query string alone when the container cannot parse its body (Tomcat
 * throws an {@link IllegalStateException} for every parameter once a multipart body failed). See {@link
 * MediaUploadGuard}.
 */
final class QueryParametersOnFailure extends HttpServletRequestWrapper {

    QueryParametersOnFailure(HttpServletRequest request) {
        super(request);
    }

    @Override
    public @Nullable String getParameter(String name) {
        try {
            return super.getParameter(name);
        } catch (IllegalStateException e) {
            List<String> values = query().get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    @Override
    public String @Nullable [] getParameterValues(String name) {
        try {
            return super.getParameterValues(name);
        } catch (IllegalStateException e) {
            List<String> values = query().get(name);
            return values == null ? null : values.toArray(String[]::new);
        }
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        try {
            return super.getParameterMap();
        } catch (IllegalStateException e) {
            return query().entrySet().stream()
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, v -> v.getValue().toArray(String[]::new)));
        }
    }

    @Override
    public Enumeration<String> getParameterNames() {
        try {
            return super.getParameterNames();
        } catch (IllegalStateException e) {
            return Collections.enumeration(query().keySet());
        }
    }

    private MultiValueMap<String, String> query() {
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        String query = getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    String name = eq < 0 ? pair : pair.substring(0, eq);
                    String value = eq < 0 ? "" : pair.substring(eq + 1);
                    params.add(
                            URLDecoder.decode(name, StandardCharsets.UTF_8),
                            URLDecoder.decode(value, StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }
}
