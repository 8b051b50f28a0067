package vn.langso.backend.open311;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the Open311 GeoReport v2 endpoint under {@code langso.open311.*}.
 *
 * @param jurisdictionId the only {@code jurisdiction_id} accepted ({@code langso.open311.jurisdiction-id}); requests
 *                       without one are accepted too
 * @param contact        contact text of the discovery document ({@code langso.open311.contact})
 * @param changeset      time of the last change of the service list, in the discovery document
 */
@ConfigurationProperties("langso.open311")
@Validated
public record Open311Properties(@DefaultValue("dongthap.langso.vn") @NotBlank String jurisdictionId,
                                @DefaultValue("Làng Số, Đồng Tháp") @NotNull String contact,
                                @DefaultValue("2026-12-01T00:00:00+07:00") @NotBlank String changeset) {
}
