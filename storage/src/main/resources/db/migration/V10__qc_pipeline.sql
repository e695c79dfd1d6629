-- The AI QC pipeline (issue 6): a durable job per study, the latest result per study, and the registry of which
-- catalogue items each institution is recognised for.
--
-- qc_jobs: one row per study, written by the index in the transaction that records an instance (InstanceWriter), so
-- a stored instance can never lack its job. generation counts the instances recorded (new or new version);
-- evaluated_generation is the generation the last stored result judged. A job is due when generation >
-- evaluated_generation and no instance arrived for the stable period (last_instance_at). Workers on any node claim
-- due jobs with SELECT ... FOR UPDATE SKIP LOCKED and hold them under a lease: claim_id fences the result of a
-- worker whose lease expired and was taken over. A failure counts an attempt and sets retry_at (backoff); a new
-- instance resets the attempts.
CREATE TABLE qc_jobs (
    study_fk              bigint      PRIMARY KEY REFERENCES studies (pk) ON DELETE CASCADE,
    generation            bigint      NOT NULL DEFAULT 1 CHECK (generation >= 1),
    last_instance_at      timestamptz NOT NULL DEFAULT now(),
    evaluated_generation  bigint      NOT NULL DEFAULT 0,
    claim_id              text,
    claimed_by            text,
    claimed_generation    bigint,
    lease_until           timestamptz,
    attempts              integer     NOT NULL DEFAULT 0,
    retry_at              timestamptz,
    last_error            text
);
-- Due jobs are found among the unfinished ones.
CREATE INDEX qc_jobs_unfinished ON qc_jobs (last_instance_at) WHERE generation > evaluated_generation;

-- Studies stored before this migration are judged too: one job each, counting their current instances, last
-- instance at the latest arrival (already stable, so they are due at once).
INSERT INTO qc_jobs (study_fk, generation, last_instance_at)
SELECT se.study_fk, count(*), max(i.arrived_at)
FROM instances i JOIN series se ON se.pk = i.series_fk
GROUP BY se.study_fk;

-- The latest QC result of each study. JSON columns are text, as instances.metadata: an engine's explanation may
-- hold any character, and the values are produced and read by the application only.
--  * items: [{"no":1,"name":"…","confidence":0.9}]; checks: the engines' check outcomes; vetoes: [{"code","zh","en"}]
--  * reasons: why not HR eligible; defects: data-quality defects that do not bar the mark; both
--    [{"code","xinjiangCode","zh","en"}]
--  * hr_window_end: the last day the result is recognised (exam_date + window); an eligible study is marked only
--    until then, without being judged again. NULL when the exam date is unknown.
CREATE TABLE qc_results (
    study_fk       bigint           PRIMARY KEY REFERENCES studies (pk) ON DELETE CASCADE,
    generation     bigint           NOT NULL,
    items          text             NOT NULL,
    explanation    text             NOT NULL,
    score          double precision NOT NULL CHECK (score >= 0 AND score <= 100),
    grade          text             NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D')),
    hr_eligible    boolean          NOT NULL,
    exam_date      date,
    hr_window_end  date,
    vetoes         text             NOT NULL,
    reasons        text             NOT NULL,
    defects        text             NOT NULL,
    checks         text             NOT NULL,
    model_version  text             NOT NULL,
    evaluated_at   timestamptz      NOT NULL DEFAULT now()
);

-- Which catalogue items (川渝 spec Appendix A) each institution is recognised for, and from when until when (both
-- days included; until NULL = open-ended): the Xinjiang/Chuanyu recognition registry, kept by the operator.
CREATE TABLE institution_recognition (
    institution_code  text    NOT NULL,
    item_no           integer NOT NULL CHECK (item_no >= 1),
    recognised_from   date    NOT NULL,
    recognised_until  date    CHECK (recognised_until IS NULL OR recognised_until >= recognised_from),
    PRIMARY KEY (institution_code, item_no, recognised_from)
);
