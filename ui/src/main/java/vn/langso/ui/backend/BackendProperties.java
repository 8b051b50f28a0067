package vn.langso.ui.backend;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Location of the backend's public API.
 *
 * @param url       base URL that this server calls, for example {@code http://127.0.0.1:8080}
 * @param publicUrl base URL that browsers call for map data; the same as {@code url} when unset
 * @param timeout   connect and response timeout of each server-side request; 5 seconds when unset
 */
@ConfigurationProperties("langso.backend")
public record BackendProperties(URI url, URI publicUrl, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    public BackendProperties {
        if (url == null) {
            throw new IllegalArgumentException("langso.backend.url is missing; set it to the backend base URL, "
                    + "for example http://127.0.0.1:8080");
        }
        url = requireHttpBase("langso.backend.url", url);
        publicUrl = publicUrl == null ? url : requireHttpBase("langso.backend.public-url", publicUrl);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("langso.backend.timeout is " + timeout + "; it must be positive, for example 5s");
        }
    }

    /** Checks that the URL is an absolute http(s) URL and strips trailing slashes, so that paths can be appended. */
    private static URI requireHttpBase(String setting, URI value) {
        String scheme = value.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || value.getHost() == null) {
            throw new IllegalArgumentException(setting + " is '" + value + "'; expected an absolute http or https URL "
                    + "such as http://127.0.0.1:8080");
        }
        return URI.create(value.toString().replaceFirst("/+$", ""));
    }
}
