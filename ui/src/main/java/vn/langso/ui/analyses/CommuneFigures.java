package vn.langso.ui.analyses;

/**
 * One commune's row in the analysis table.
 *
 * @param value        the mapped measure: count, density, share in percent, or the share beyond the distance;
 *                     NaN for a share in a commune without places
 * @param featureCount places of the layer in the commune
 * @param beyondCount  places beyond the distance; -1 when the row comes from a density analysis
 */
public record CommuneFigures(String code, String name, double value, long featureCount, long beyondCount) {
}
