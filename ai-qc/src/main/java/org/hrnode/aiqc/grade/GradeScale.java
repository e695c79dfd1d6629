package org.hrnode.aiqc.grade;

/**
 * Score thresholds of the grades. The spec (§7.3) describes the grades in words and gives no numbers, and no
 * authoritative numeric cut-offs were found (QC-CHECKS.md); the defaults 90/75/60 are the ones Chinese film-grading
 * forms commonly use for 甲/乙/丙 on a 100-point sheet. Configurable per site.
 */
public record GradeScale(double jia, double yi, double bing) {

    public static final GradeScale DEFAULT = new GradeScale(90, 75, 60);

    public GradeScale {
        if (!(jia > yi && yi > bing && bing > 0 && jia <= 100)) {
            throw new IllegalArgumentException("grade thresholds must satisfy 100 ≥ 甲 > 乙 > 丙 > 0, got " + jia + "/"
                    + yi + "/" + bing);
        }
    }

    public Grade gradeOf(double score) {
        return score >= jia ? Grade.JIA : score >= yi ? Grade.YI : score >= bing ? Grade.BING : Grade.FEI;
    }
}
