package vn.langso.backend.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A web link in a response's {@code links} array. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Link(String rel, String href, String type) {
}
