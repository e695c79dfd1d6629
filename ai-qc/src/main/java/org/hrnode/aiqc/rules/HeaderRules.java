package org.hrnode.aiqc.rules;

import java.util.ArrayList;
import java.util.List;
import org.hrnode.aiqc.check.CheckResult;
import org.hrnode.aiqc.check.CheckTable;

/** Every header rule, in the order their results are reported. */
public final class HeaderRules {

    private static final List<HeaderRule> ALL = List.of(new LinkageRule(), new ExamDateRule(),
            new RequiredTagsRule(), new LateralityRule(), new ExposureIndexRule(), new DetectorSpacingRule(),
            new SliceContinuityRule(), new SliceThicknessRule(), new DoseRule(), new ContrastPhaseRule(),
            new MrPlanesRule(), new MrGeometryRule(), new OrientationRule());

    private HeaderRules() {
    }

    public static List<CheckResult> evaluate(StudyHeaders study, CheckTable table) {
        List<CheckResult> out = new ArrayList<>();
        for (HeaderRule rule : ALL) {
            out.addAll(rule.evaluate(study, table));
        }
        return out;
    }
}
