package vn.langso.ui.reports;

import vn.langso.ui.i18n.UiLanguage;

/**
 * A report category of {@code GET /api/v1/report-categories}.
 *
 * @param deadlineWorkingDays   working days the office has to resolve a report
 * @param duplicateRadiusMetres distance within which open reports of this category count as similar
 * @param duplicateWindowDays   age in days up to which open reports count as similar
 */
public record ReportCategory(String code, String nameVi, String nameEn, int deadlineWorkingDays,
                             int duplicateRadiusMetres, int duplicateWindowDays) {

    /** Returns the name in the language, else the other language's name, else the code. */
    public String name(UiLanguage language) {
        String preferred = language == UiLanguage.EN ? nameEn : nameVi;
        String other = language == UiLanguage.EN ? nameVi : nameEn;
        if (preferred != null && !preferred.isBlank()) {
            return preferred;
        }
        if (other != null && !other.isBlank()) {
            return other;
        }
        return code;
    }
}
