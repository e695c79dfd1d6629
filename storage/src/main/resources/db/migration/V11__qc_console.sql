-- The QC-centre console (issue 7): reviewers' decisions on the AI verdicts. Every decision is kept (the audit trail
-- of a study); the latest one per study is its effective verdict, which the HR mark and /api/qc/studies report in
-- place of the AI's (qc_results). The AI verdict the reviewer saw is copied into the row, so an export pairs the
-- human label with what the model said at that moment even after QC is run again.
--  * action: confirm (the AI verdict stands as the human verdict) or overrule (grade and/or eligibility changed)
--  * reason_code: the Xinjiang non-recognition dictionary code (1-10) of a "not eligible" verdict
--  * reexamine: the reviewer asks the institution to examine the patient again
CREATE TABLE qc_decisions (
    pk              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    study_fk        bigint      NOT NULL REFERENCES studies (pk) ON DELETE CASCADE,
    decided_by      text        NOT NULL,
    decided_at      timestamptz NOT NULL DEFAULT now(),
    action          text        NOT NULL CHECK (action IN ('confirm', 'overrule')),
    grade           text        NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D')),
    hr_eligible     boolean     NOT NULL,
    reason_code     integer     CHECK (reason_code BETWEEN 1 AND 10),
    comment         text,
    reexamine       boolean     NOT NULL DEFAULT false,
    ai_grade        text        NOT NULL,
    ai_hr_eligible  boolean     NOT NULL,
    ai_generation   bigint      NOT NULL,
    CHECK (hr_eligible OR reason_code IS NOT NULL)
);
CREATE INDEX qc_decisions_study ON qc_decisions (study_fk, pk DESC);

-- The effective verdict of each judged study: the latest decision, else the AI's result.
CREATE VIEW qc_effective AS
SELECT r.study_fk,
       COALESCE(d.grade, r.grade)             AS grade,
       COALESCE(d.hr_eligible, r.hr_eligible) AS hr_eligible,
       r.hr_window_end,
       d.pk IS NOT NULL                       AS decided
FROM qc_results r
     LEFT JOIN LATERAL (SELECT grade, hr_eligible, pk FROM qc_decisions x WHERE x.study_fk = r.study_fk
                        ORDER BY x.pk DESC LIMIT 1) d ON true;
