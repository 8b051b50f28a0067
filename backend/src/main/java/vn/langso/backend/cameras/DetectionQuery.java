package vn.langso.backend.cameras;

import java.util.List;
import vn.langso.backend.web.Bbox;
import vn.langso.backend.web.Page;

/**
 * A validated search of past detections. Null members and empty lists do not filter.
 *
 * @param area GeoJSON Polygon or MultiPolygon text, checked by {@link SearchArea}; matches cameras inside it
 * @param bbox matches cameras inside the box
 */
record DetectionQuery(TimeWindow window, List<String> classes, String colour, String cameraKey, String area, Bbox bbox,
                      Page page) {
}
