package vn.langso.backend.web;

/**
 * One page of a listing.
 *
 * @param limit  the number of items asked for, already capped to the maximum
 * @param offset the number of items skipped
 */
public record Page(int limit, long offset) {
}
