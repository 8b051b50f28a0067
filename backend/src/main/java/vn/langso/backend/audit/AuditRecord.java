package vn.langso.backend.audit;

import java.time.OffsetDateTime;
import tools.jackson.databind.JsonNode;

/** One stored row of the audit log, as the search API returns it. */
record AuditRecord(long id, OffsetDateTime occurredAt, String actorId, String actorName, String action, String outcome,
                   String target, String clientAddress, JsonNode details) {
}
