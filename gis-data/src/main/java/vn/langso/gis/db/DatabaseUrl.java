package vn.langso.gis.db;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A PostgreSQL connection in libpq URI form, {@code postgresql://user:password@host:port/database}, as
 * {@code DATABASE_URL} gives it, with the JDBC and R2DBC forms the applications need.
 *
 * @param password empty when the server trusts the client; never logged, see {@link #toString()}
 */
public record DatabaseUrl(String host, int port, String database, String user, String password) {

    public static final int DEFAULT_PORT = 5432;

    public DatabaseUrl {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
    }

    /**
     * Parses a libpq URI ({@code postgresql://} or {@code postgres://}).
     *
     * @throws IllegalArgumentException naming the problem, without the password
     */
    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("Database URL is empty; expected postgresql://user:password@host:port/database");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Database URL is not a valid URI (" + e.getReason()
                    + "); expected postgresql://user:password@host:port/database");
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException("Database URL scheme '" + uri.getScheme()
                    + "' is not supported; expected postgresql://user:password@host:port/database");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("Database URL has no host; expected postgresql://user:password@host:port/database");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("Database URL names no database; expected postgresql://user:password@host:port/database");
        }

        String user = "postgres";
        String password = "";
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
        }
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        return new DatabaseUrl(uri.getHost(), port, decode(path), user, password);
    }

    private static String decode(String component) {
        return URLDecoder.decode(component.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** JDBC URL without credentials; pass {@link #user()} and {@link #password()} separately. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** R2DBC URL without credentials. */
    public String r2dbcUrl() {
        return "r2dbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Returns the same server with another database, for tests and administration. */
    public DatabaseUrl withDatabase(String otherDatabase) {
        return new DatabaseUrl(host, port, otherDatabase, user, password);
    }

    /** Returns the libpq form, with the password percent-encoded. */
    public String toLibpqUrl() {
        String credentials = password.isEmpty() ? encode(user) : encode(user) + ":" + encode(password);
        return "postgresql://" + credentials + "@" + host + ":" + port + "/" + encode(database);
    }

    private static String encode(String component) {
        return java.net.URLEncoder.encode(component, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Redacted form for logs: the password is never printed. */
    @Override
    public String toString() {
        return "postgresql://" + user + (password.isEmpty() ? "" : ":***") + "@" + host + ":" + port + "/" + database;
    }
}
