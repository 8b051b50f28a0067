package vn.langso.backend.analyses;

/**
 * One commune's coverage: of its {@code featureCount} features, {@code beyondCount} lie farther than the analysis
 * distance from every feature of the target layer. {@code beyondShare} is their share, null when the commune has
 * no features.
 */
record CoverageCommune(String code, String name, long featureCount, long beyondCount, Double beyondShare) {
}
