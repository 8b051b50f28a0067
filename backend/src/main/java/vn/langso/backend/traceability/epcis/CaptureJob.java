package vn.langso.backend.traceability.epcis;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A capture job as the EPCIS 2.0 REST binding describes it. Capture here is all or nothing per request
 * ({@code captureErrorBehaviour} rollback).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"captureID", "createdAt", "finishedAt", "running", "success", "captureErrorBehaviour",
        "eventCount", "errors"})
record CaptureJob(String captureID, OffsetDateTime createdAt, OffsetDateTime finishedAt, boolean running,
        Boolean success, String captureErrorBehaviour, int eventCount, List<ValidationError> errors) {
}
