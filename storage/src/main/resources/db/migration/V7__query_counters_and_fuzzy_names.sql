-- What QIDO-RS and C-FIND return for every study and series without counting instances per answer:
--  * maintained counters (Number of Study Related Series/Instances, Number of Series Related Instances) and the SOP
--    classes in each study, kept by InstanceWriter in the transaction that records an instance. That transaction
--    already holds the study and series rows (upserted), so keeping them adds no new lock. A study search then reads
--    one row per study instead of counting its instances through the series (which at 1M instances costs
--    milliseconds per study).
--  * <person name>_fuzzy: the folded search terms of a Person Name for fuzzy matching (QIDO-RS fuzzymatching=true):
--    per component group the whole group without component delimiters or spaces, and each component on its own,
--    all case- and accent-folded like <name>_search (SearchText.fuzzyTerms). "王小东", "小东", "wang xiaodong" and
--    "xiaodong" all find Wang^XiaoDong=王^小东.

ALTER TABLE studies ADD COLUMN number_of_series integer NOT NULL DEFAULT 0;
ALTER TABLE studies ADD COLUMN number_of_instances integer NOT NULL DEFAULT 0;
ALTER TABLE studies ADD COLUMN sop_classes_in_study text[] NOT NULL DEFAULT '{}';
ALTER TABLE series ADD COLUMN number_of_instances integer NOT NULL DEFAULT 0;

UPDATE series se SET number_of_instances = (SELECT count(*) FROM instances i WHERE i.series_fk = se.pk);
UPDATE studies st SET
    number_of_series = (SELECT count(*) FROM series se WHERE se.study_fk = st.pk),
    number_of_instances = (SELECT COALESCE(sum(se.number_of_instances), 0) FROM series se WHERE se.study_fk = st.pk),
    sop_classes_in_study = ARRAY(SELECT DISTINCT i.sop_class_uid FROM instances i JOIN series se ON se.pk = i.series_fk
                                 WHERE se.study_fk = st.pk ORDER BY 1);

ALTER TABLE patients ADD COLUMN patient_name_fuzzy text[];
ALTER TABLE studies ADD COLUMN referring_physician_name_fuzzy text[];

-- Backfill of names indexed before this migration. Java folds by Unicode rules (NFKD, marks removed, lower case);
-- here NFKD plus removing the combining diacritical marks block gives the same for Latin, pinyin and full-width
-- letters, but lower() of the C locale lowers only ASCII: a Greek or Cyrillic name indexed before V7 keeps its
-- capitals in these terms until its study is stored again.
CREATE OR REPLACE FUNCTION pg_temp.fuzzy_fold(group_text text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT lower(regexp_replace(normalize(group_text, NFKD), '[\u0300-\u036f]', '', 'g'))
$$;
CREATE OR REPLACE FUNCTION pg_temp.fuzzy_terms(alphabetic text, ideographic text, phonetic text) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN count(*) = 0 THEN NULL ELSE array_agg(DISTINCT term ORDER BY term) END
    FROM (
        SELECT regexp_replace(pg_temp.fuzzy_fold(g), '[\^\s\u00b7\u30fb]', '', 'g') AS term
        FROM unnest(ARRAY[alphabetic, ideographic, phonetic]) AS g
        UNION ALL
        SELECT regexp_replace(c, '[\s\u00b7\u30fb]', '', 'g')
        FROM unnest(ARRAY[alphabetic, ideographic, phonetic]) AS g,
             unnest(string_to_array(pg_temp.fuzzy_fold(g), '^')) AS c
    ) terms
    WHERE term IS NOT NULL AND term <> ''
$$;
UPDATE patients SET patient_name_fuzzy =
    pg_temp.fuzzy_terms(patient_name_alphabetic, patient_name_ideographic, patient_name_phonetic)
WHERE patient_name IS NOT NULL;
UPDATE studies SET referring_physician_name_fuzzy = pg_temp.fuzzy_terms(referring_physician_name_alphabetic,
    referring_physician_name_ideographic, referring_physician_name_phonetic)
WHERE referring_physician_name IS NOT NULL;
-- pg_temp lives as long as the session, and the pool keeps the migration's connection.
DROP FUNCTION pg_temp.fuzzy_terms(text, text, text);
DROP FUNCTION pg_temp.fuzzy_fold(text);

-- Exact fuzzy terms (no wild card) are array containment, which a GIN index answers.
CREATE INDEX patients_name_fuzzy ON patients USING gin (patient_name_fuzzy);

-- The phonetic group is searched like the ideographic one (V1 indexed only the latter).
CREATE INDEX patients_name_phonetic ON patients (patient_name_phonetic text_pattern_ops);
