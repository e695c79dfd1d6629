package org.hrnode.aiqc.rules;

import java.util.List;
import org.hrnode.aiqc.check.CheckResult;
import org.hrnode.aiqc.check.CheckTable;

/**
 * A deterministic check on the headers of a study. A rule returns nothing for studies it has no business with
 * (a CT rule on a DR study) and a NOT_APPLICABLE result, saying why, when it applies but cannot tell.
 */
public interface HeaderRule {

    List<CheckResult> evaluate(StudyHeaders study, CheckTable table);
}
