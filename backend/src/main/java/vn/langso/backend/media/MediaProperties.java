package vn.langso.backend.media;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Upload limits and storage of report photos and videos, under {@code langso.reports.media.*}.
 *
 * @param folder        folder of the stored files ({@code langso.reports.media.folder}, default
 *                      {@code .langso/media} under the working directory)
 * @param maxPhotoBytes largest accepted photo in bytes ({@code langso.reports.media.max-photo-bytes}, default 10 MiB)
 * @param maxVideoBytes largest accepted video in bytes ({@code langso.reports.media.max-video-bytes}, default 50 MiB)
 * @param maxFiles      files per report ({@code langso.reports.media.max-files}, default 5)
 */
@ConfigurationProperties("langso.reports.media")
@Validated
public record MediaProperties(@DefaultValue(".langso/media") @NotNull Path folder,
                              @DefaultValue("10485760") @Min(1) long maxPhotoBytes,
                              @DefaultValue("52428800") @Min(1) long maxVideoBytes,
                              @DefaultValue("5") @Min(0) @Max(50) int maxFiles) {
}
