package vn.langso.backend.cameras;

/**
 * A camera known to the ingest API.
 *
 * @param key      the id that the agent sends ({@code cameraId} in the ingest JSON)
 * @param featureId id of the camera's feature in the public cameras layer
 */
record CameraRef(String key, long featureId) {
}
