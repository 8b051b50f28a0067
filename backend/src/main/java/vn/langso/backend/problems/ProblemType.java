package vn.langso.backend.problems;

import java.util.Arrays;
import java.util.Optional;

/**
 * The problem types of the API. Each has a stable relative URI ({@code /problems/<slug>}) that clients
 * may branch on, and a description served at that URI.
 */
public enum ProblemType {

    INVALID_PARAMETER("invalid-parameter", 400, "Invalid parameter",
            "A query or path parameter is missing, malformed, out of range or not known to this endpoint. "
                    + "The invalidParams member names each parameter and the reason; fix them and send the request again."),
    INVALID_BBOX("invalid-bbox", 400, "Invalid bounding box",
            "The bbox parameter must be four numbers west,south,east,north in WGS 84 degrees, with longitudes in "
                    + "[-180, 180], latitudes in [-90, 90] and south not above north. A west greater than east is "
                    + "accepted only when the box crosses the antimeridian (west > 0 and east < 0)."),
    MALFORMED_REQUEST("malformed-request", 400, "Malformed request",
            "The HTTP request could not be read, usually because the query string holds characters that must be "
                    + "percent-encoded (spaces, < > \" { } | \\ ^ `). Encode each parameter value, for example with "
                    + "curl -G --data-urlencode 'filter=...', or let the client library build the URL. A path that "
                    + "is not in canonical form ('//', '/../', ';', an encoded slash) or an unknown HTTP method is "
                    + "rejected the same way."),
    URI_TOO_LONG("uri-too-long", 414, "Request line too long",
            "The request line (method, path and query string) is longer than the server accepts "
                    + "(server.netty.max-initial-line-length). Shorten the query: a simpler filter geometry, a bbox "
                    + "instead of a polygon, or fewer parameters."),
    HEADERS_TOO_LARGE("headers-too-large", 431, "Request headers too large",
            "The request headers together are larger than the server accepts "
                    + "(server.max-http-request-header-size). Send fewer or shorter headers, such as cookies."),
    UNAUTHORIZED("unauthorized", 401, "Authentication required",
            "The request needs a valid bearer token, or the token sent is expired, malformed or wrongly signed. "
                    + "Get a token from POST /api/v1/auth/token (or your identity provider) and send it as "
                    + "'Authorization: Bearer <token>'."),
    FORBIDDEN("forbidden", 403, "Forbidden",
            "The signed-in user's roles, areas (communes, agencies) or memberships (cooperatives, rooms) do not "
                    + "allow this operation. The detail says what is missing; ask a province administrator for the role "
                    + "if you need it."),
    CONFLICT("conflict", 409, "Conflict",
            "The request conflicts with the current state, for example a user name that is already taken or an "
                    + "invitation that was already used. The detail names the value and what to do instead."),
    TOO_MANY_REQUESTS("too-many-requests", 429, "Too many requests",
            "The client sent more requests of this kind (sign-in attempts, one-time codes, anonymous "
                    + "submissions) than its limit allows, or the account is locked after repeated failures. "
                    + "Wait the number of seconds in the Retry-After header, then try again."),
    NOT_FOUND("not-found", 404, "Not found",
            "The layer, feature, administrative unit or endpoint does not exist. The detail names what was "
                    + "looked for; list the collection to see what exists."),
    OUTSIDE_PROVINCE("outside-province", 404, "Point outside the province",
            "The point lies outside every current commune of the province served here (for example in the sea "
                    + "or in a neighbouring country). Check the coordinates and their order (longitude first)."),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed",
            "The endpoint exists but does not accept this HTTP method. The public read API accepts GET, HEAD and OPTIONS."),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable",
            "The server cannot produce a representation that the Accept header allows. Accept application/json, "
                    + "application/geo+json or application/problem+json."),
    REQUEST_TIMEOUT("request-timeout", 503, "Request timed out",
            "The server did not finish the request within its configured time limit (langso.api.request-timeout). "
                    + "Narrow the request (a smaller bbox or limit) or retry later."),
    SERVER_BUSY("server-busy", 503, "Server busy",
            "The server already runs as many requests of this kind as its limit allows, for example layer exports "
                    + "(langso.exports.max-concurrent). Wait the number of seconds in the Retry-After header, then "
                    + "try again."),
    INTERNAL_ERROR("internal-error", 500, "Internal server error",
            "The server failed in a way it did not expect. The error is logged on the server; retry later and "
                    + "report it if it persists.");

    private final String slug;
    private final int status;
    private final String title;
    private final String description;

    ProblemType(String slug, int status, String title, String description) {
        this.slug = slug;
        this.status = status;
        this.title = title;
        this.description = description;
    }

    /** Finds the type whose URI ends with the given slug. */
    public static Optional<ProblemType> bySlug(String slug) {
        return Arrays.stream(values()).filter(type -> type.slug.equals(slug)).findFirst();
    }

    public String slug() {
        return slug;
    }

    /** Returns the relative URI written into the {@code type} member of a problem. */
    public String uri() {
        return "/problems/" + slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }
}
