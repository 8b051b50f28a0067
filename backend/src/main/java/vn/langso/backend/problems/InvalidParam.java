package vn.langso.backend.problems;

/** One parameter at fault in a request: the {@code invalidParams} member of a problem. */
public record InvalidParam(String name, String reason) {
}
