package vn.langso.backend.communes;

/**
 * The result of a point-in-commune lookup.
 *
 * @param code        the commune at the point, or null
 * @param swappedCode the commune at the point with longitude and latitude exchanged, or null
 */
record CommuneAtPoint(String code, String swappedCode) {
}
