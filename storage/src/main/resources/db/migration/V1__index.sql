-- The index: one row per patient, study, series and instance, holding what C-FIND and QIDO match on and return,
-- plus where each instance's bytes are (blob_key) and the history of replaced instance versions.
-- Written only by PostgresIndex.recordInstance (see InstanceWriter), one transaction per instance.
--
-- Conventions:
--  * Attributes absent from the object are NULL. Dates and times are typed (date, time, timestamp) so ranges compare
--    correctly; a value that does not parse as DICOM DA/TM/DT is NULL here and stays verbatim in instances.metadata.
--  * A Person Name is kept whole (as received) and split into its three component groups; <name>_search holds the
--    alphabetic group folded to lower case without accents (NFKD, marks removed) for case-insensitive matching.
--  * text_pattern_ops indexes serve LIKE 'prefix%' whatever the database's collation.

CREATE TABLE patients (
    pk                        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patient_id                text        NOT NULL,
    -- '' rather than NULL when absent, so the unique constraint treats "no issuer" as one value.
    issuer_of_patient_id      text        NOT NULL DEFAULT '',
    patient_name              text,
    patient_name_alphabetic   text,
    patient_name_ideographic  text,
    patient_name_phonetic     text,
    patient_name_search       text,
    patient_birth_date        date,
    patient_sex               text,
    created_at                timestamptz NOT NULL DEFAULT now(),
    updated_at                timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT patients_identity UNIQUE (patient_id, issuer_of_patient_id)
);
CREATE INDEX patients_name_search ON patients (patient_name_search text_pattern_ops);
CREATE INDEX patients_name_ideographic ON patients (patient_name_ideographic text_pattern_ops);
CREATE INDEX patients_birth_date ON patients (patient_birth_date);

CREATE TABLE studies (
    pk                                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The patient of the first instance that created the study; later instances never move a study.
    patient_fk                           bigint      NOT NULL REFERENCES patients (pk),
    study_instance_uid                   text        NOT NULL,
    study_date                           date,
    study_time                           time,
    accession_number                     text,
    study_id                             text,
    study_description                    text,
    referring_physician_name             text,
    referring_physician_name_alphabetic  text,
    referring_physician_name_ideographic text,
    referring_physician_name_phonetic    text,
    referring_physician_name_search      text,
    -- InstitutionName as the object states it, and the programme's code of the sending institution (AE registry).
    institution_name                     text,
    institution_code                     text,
    created_at                           timestamptz NOT NULL DEFAULT now(),
    updated_at                           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT studies_uid UNIQUE (study_instance_uid)
);
CREATE INDEX studies_patient ON studies (patient_fk);
CREATE INDEX studies_date ON studies (study_date);
CREATE INDEX studies_accession_number ON studies (accession_number);
CREATE INDEX studies_institution_code ON studies (institution_code);

CREATE TABLE series (
    pk                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    study_fk             bigint      NOT NULL REFERENCES studies (pk),
    series_instance_uid  text        NOT NULL,
    modality             text,
    series_number        integer,
    series_description   text,
    body_part_examined   text,
    series_date          date,
    series_time          time,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT series_uid UNIQUE (series_instance_uid)
);
CREATE INDEX series_study ON series (study_fk);
CREATE INDEX series_modality ON series (modality);

-- The current version of each instance. Queries and retrievals read only this table.
CREATE TABLE instances (
    pk                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    series_fk             bigint      NOT NULL REFERENCES series (pk),
    sop_instance_uid      text        NOT NULL,
    sop_class_uid         text        NOT NULL,
    instance_number       integer,
    number_of_frames      integer,
    pixel_rows            integer,
    pixel_columns         integer,
    -- AcquisitionDateTime, or AcquisitionDate + AcquisitionTime; local time as the modality wrote it.
    acquisition_datetime  timestamp,
    transfer_syntax_uid   text        NOT NULL,
    size_bytes            bigint      NOT NULL CHECK (size_bytes >= 0),
    sha256                text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    blob_key              text        NOT NULL,
    arrived_at            timestamptz NOT NULL,
    calling_ae_title      text,
    institution_code      text,
    version               integer     NOT NULL DEFAULT 1 CHECK (version >= 1),
    -- DICOM JSON of the instance without bulk data. text, not jsonb: jsonb refuses \u0000, which broken senders put
    -- in values, and an instance must never be refused for its metadata's sake. It is parsed in Java anyway.
    metadata              text,
    CONSTRAINT instances_uid UNIQUE (sop_instance_uid)
);
CREATE INDEX instances_series ON instances (series_fk);
CREATE INDEX instances_arrived_at ON instances (arrived_at);

-- Replaced versions of instances, never deleted: a row is copied here, unchanged, when an object with the same
-- SOP Instance UID but other bytes (another SHA-256) arrives. Its blob_key still points at the old bytes.
CREATE TABLE instance_versions (
    pk                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    instance_fk           bigint      NOT NULL REFERENCES instances (pk),
    version               integer     NOT NULL,
    series_fk             bigint      NOT NULL REFERENCES series (pk),
    sop_instance_uid      text        NOT NULL,
    sop_class_uid         text        NOT NULL,
    instance_number       integer,
    number_of_frames      integer,
    pixel_rows            integer,
    pixel_columns         integer,
    acquisition_datetime  timestamp,
    transfer_syntax_uid   text        NOT NULL,
    size_bytes            bigint      NOT NULL,
    sha256                text        NOT NULL,
    blob_key              text        NOT NULL,
    arrived_at            timestamptz NOT NULL,
    calling_ae_title      text,
    institution_code      text,
    metadata              text,
    superseded_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT instance_versions_unique UNIQUE (instance_fk, version)
);
CREATE INDEX instance_versions_sop_instance_uid ON instance_versions (sop_instance_uid);
