package vn.langso.backend.security;

/**
 * What a user may do; the areas it applies to are the scopes of {@link CurrentUser}. A user can hold several roles.
 */
public enum Role {
    /** Files and follows their own reports. */
    CITIZEN,
    /** Handles reports and sees personal data of the communes in {@link CurrentUser#communeCodes()}. */
    COMMUNE_OFFICIAL,
    /** Handles the report categories of the agencies in {@link CurrentUser#agencyCodes()}. */
    AGENCY_STAFF,
    /** Reads every layer and analysis, never personal data. */
    PLANNER,
    /** Joins the rooms of the cooperatives in {@link CurrentUser#cooperativeIds()}. */
    COOPERATIVE_MEMBER,
    /** Runs the rooms of the cooperatives in {@link CurrentUser#cooperativeIds()}. */
    COOPERATIVE_MODERATOR,
    /** Works with the students of the schools in {@link CurrentUser#schoolIds()}. */
    SCHOOL_STAFF,
    /** Sees their own children's school records. */
    PARENT,
    /** Works with the patients of the clinics in {@link CurrentUser#clinicIds()}. */
    CLINIC_STAFF,
    /** Manages accounts, roles and settings of the whole province. */
    PROVINCE_ADMIN
}
