package vn.langso.backend.cameras;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A user request for camera data that the user may not see: 401 when anonymous, 403 otherwise. */
final class CameraAccessDeniedException extends ResponseStatusException {

    private CameraAccessDeniedException(HttpStatus status, String reason) {
        super(status, reason);
    }

    static CameraAccessDeniedException signInRequired(String resource) {
        return new CameraAccessDeniedException(HttpStatus.UNAUTHORIZED, resource
                + " may show people and number plates; sign in as a commune official or province administrator.");
    }

    static CameraAccessDeniedException forbidden(String resource) {
        return new CameraAccessDeniedException(HttpStatus.FORBIDDEN, resource
                + " is shown only to province administrators and to officials of the camera's commune.");
    }
}
