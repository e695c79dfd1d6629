-- Bulk loader for the QIDO-RS benchmark (bench/qido.sh): fills an HR Node index with synthetic patients, studies,
-- series and instances straight in SQL, because a million instances through C-STORE would take hours and QIDO-RS
-- reads only the index. The rows look like what InstanceWriter writes (person name columns, V7 counters and fuzzy
-- terms); blob keys point at nothing, so these instances cannot be retrieved.
--
-- psql variables: studies (default 10000), series_per_study (4), instances_per_series (25); one more study holds
-- one series of big_series instances (1000), the series of the instance-level measurement.
-- Run it against an index migrated by a node (V1..V7) and otherwise empty.
\set ON_ERROR_STOP on
\if :{?studies} \else \set studies 10000 \endif
\if :{?series_per_study} \else \set series_per_study 4 \endif
\if :{?instances_per_series} \else \set instances_per_series 25 \endif
\if :{?big_series} \else \set big_series 1000 \endif

BEGIN;
-- Two studies per patient; names from a few family and given names in pinyin and characters.
INSERT INTO patients (patient_id, patient_name, patient_name_alphabetic, patient_name_ideographic,
                      patient_name_search, patient_name_fuzzy, patient_birth_date, patient_sex)
SELECT 'PID' || lpad(n::text, 7, '0'),
       f.py || '^' || g.py || '=' || f.zh || '^' || g.zh,
       f.py || '^' || g.py, f.zh || '^' || g.zh, lower(f.py || '^' || g.py),
       ARRAY[lower(f.py || g.py), lower(f.py), lower(g.py), f.zh || g.zh, f.zh, g.zh],
       DATE '1940-01-01' + (n * 37 % 25000), CASE WHEN n % 2 = 0 THEN 'F' ELSE 'M' END
FROM generate_series(1, (:studies + 1) / 2) n
JOIN LATERAL (SELECT (ARRAY['Wang','Li','Zhang','Liu','Chen','Yang','Huang','Zhao','Wu','Zhou'])[1 + n % 10] py,
                     (ARRAY['王','李','张','刘','陈','杨','黄','赵','吴','周'])[1 + n % 10] zh) f ON true
JOIN LATERAL (SELECT (ARRAY['Wei','Fang','Xiaodong','Min','Jing','Lei','Yan','Jun','Hui','Qiang','Ling'])[1 + n % 11] py,
                     (ARRAY['伟','芳','小东','敏','静','磊','燕','军','慧','强','玲'])[1 + n % 11] zh) g ON true;

INSERT INTO studies (patient_fk, study_instance_uid, study_date, study_time, accession_number, study_id,
                     study_description, institution_name, institution_code, number_of_series, number_of_instances,
                     sop_classes_in_study)
SELECT p.pk, '1.2.826.0.1.3680043.2.1125.900.' || n, DATE '2019-01-01' + (n * 7 % 2190),
       TIME '08:00' + make_interval(mins => n % 600), 'ACC' || lpad(n::text, 8, '0'), n::text,
       (ARRAY['头部平扫','胸部CT','腹部增强','MR Brain','CT Chest'])[1 + n % 5], '四川省人民医院', '510000-RM',
       :series_per_study, :series_per_study * :instances_per_series,
       CASE WHEN n % 3 = 0 THEN ARRAY['1.2.840.10008.5.1.4.1.1.2', '1.2.840.10008.5.1.4.1.1.4']
            ELSE ARRAY['1.2.840.10008.5.1.4.1.1.2'] END
FROM generate_series(1, :studies) n
JOIN patients p ON p.patient_id = 'PID' || lpad(((n + 1) / 2)::text, 7, '0');

INSERT INTO series (study_fk, series_instance_uid, modality, series_number, series_description, number_of_instances)
SELECT st.pk, st.study_instance_uid || '.' || k,
       CASE WHEN st.pk % 3 = 0 AND k = 2 THEN 'MR' ELSE 'CT' END, k, 'Series ' || k, :instances_per_series
FROM studies st, generate_series(1, :series_per_study) k;

INSERT INTO instances (series_fk, sop_instance_uid, sop_class_uid, instance_number, pixel_rows, pixel_columns,
                       transfer_syntax_uid, size_bytes, sha256, blob_key, arrived_at, calling_ae_title)
SELECT se.pk, se.series_instance_uid || '.' || i,
       CASE WHEN se.modality = 'MR' THEN '1.2.840.10008.5.1.4.1.1.4' ELSE '1.2.840.10008.5.1.4.1.1.2' END,
       i, 512, 512, '1.2.840.10008.1.2.4.80', 200000, repeat('0', 64), 'bench/' || se.pk || '/' || i, now(), 'BENCH'
FROM series se, generate_series(1, :instances_per_series) i;

-- The big series: one study, one CT series of :big_series instances.
WITH p AS (INSERT INTO patients (patient_id, patient_name, patient_name_alphabetic, patient_name_search)
           VALUES ('PIDBIG', 'Big^Series', 'Big^Series', 'big^series') RETURNING pk),
     st AS (INSERT INTO studies (patient_fk, study_instance_uid, study_date, number_of_series, number_of_instances,
                                 sop_classes_in_study)
            SELECT pk, '1.2.826.0.1.3680043.2.1125.901', DATE '2024-06-01', 1, :big_series,
                   ARRAY['1.2.840.10008.5.1.4.1.1.2'] FROM p RETURNING pk),
     se AS (INSERT INTO series (study_fk, series_instance_uid, modality, series_number, number_of_instances)
            SELECT pk, '1.2.826.0.1.3680043.2.1125.901.1', 'CT', 1, :big_series FROM st RETURNING pk)
INSERT INTO instances (series_fk, sop_instance_uid, sop_class_uid, instance_number, pixel_rows, pixel_columns,
                       transfer_syntax_uid, size_bytes, sha256, blob_key, arrived_at, calling_ae_title)
SELECT se.pk, '1.2.826.0.1.3680043.2.1125.901.1.' || i, '1.2.840.10008.5.1.4.1.1.2', i, 512, 512,
       '1.2.840.10008.1.2.4.80', 525000, repeat('0', 64), 'bench/big/' || i, now(), 'BENCH'
FROM se, generate_series(1, :big_series) i;
COMMIT;

ANALYZE;
SELECT (SELECT count(*) FROM patients) AS patients, (SELECT count(*) FROM studies) AS studies,
       (SELECT count(*) FROM series) AS series, (SELECT count(*) FROM instances) AS instances;
