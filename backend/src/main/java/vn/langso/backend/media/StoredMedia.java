package vn.langso.backend.media;

import java.util.UUID;

/** A file of a report as recorded in {@code report_media}. */
public record StoredMedia(UUID id, long reportId, String kind, String contentType, long sizeBytes, String storageKey,
                          String thumbnailKey, int position) {
}
