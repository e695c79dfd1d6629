-- Diagnostic reports and the recognition service (issue 10): the Xinjiang exam report model (exammaster /
-- exam_subitem, interface spec §1.2.2.3), the patient authorisations a clinician's query needs, every recognition
-- query, and the clinicians' accept/reject decisions and quotations (SubmitAccept / SubmitQuote, §1.3.2.5-6).
--
-- A report is keyed by (org_code, report_form_no): a resubmission with the same keys replaces it, DeleteExamInfo
-- cancels it (cancelled_at; the row stays because decisions and quotations may refer to it). study_fk links it to
-- the stored study (by StudyInstanceUID, else accession number or pacs id); NULL until that study arrives, and
-- linked then by the reports' ingest or the study's (ReportLinks).
CREATE TABLE reports (
    pk                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_code                text        NOT NULL CHECK (char_length(org_code) BETWEEN 1 AND 128),
    report_form_no          text        NOT NULL CHECK (char_length(report_form_no) BETWEEN 1 AND 128),
    state                   smallint    NOT NULL CHECK (state BETWEEN 0 AND 4),
    id_type_code            text        NOT NULL,
    id_no                   text        NOT NULL,
    patient_id              text,
    patient_name            text,
    event_type              text,
    event_no                text,
    apply_form_no           text,
    study_instance_uid      text,
    pacs_id                 text,
    accession_number        text,
    study_fk                bigint      REFERENCES studies (pk) ON DELETE SET NULL,
    class_code              text,
    class_name              text,
    report_title            text,
    performed_at            timestamp,
    image_findings          text,
    conclusion              text,
    -- the spec codes is_abnormal 1 = normal, 0 = abnormal; stored as the plain question "abnormal?"
    abnormal                boolean,
    author_id               text,
    author_name             text,
    authored_at             timestamp,
    authenticator_id        text,
    authenticator_name      text,
    authenticated_at        timestamp,
    order_priority          text,
    performer_dept_code     text,
    performer_dept_name     text,
    participant_dept_code   text,
    participant_dept_name   text,
    pacs_url                text,
    pdf                     bytea,
    source                  text        NOT NULL CHECK (source IN ('json', 'xml', 'dicom')),
    cancelled_at            timestamptz,
    received_at             timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT reports_key UNIQUE (org_code, report_form_no)
);
CREATE INDEX reports_patient ON reports (id_type_code, id_no);
CREATE INDEX reports_study ON reports (study_fk);
CREATE INDEX reports_study_uid ON reports (study_instance_uid);

-- exam_subitem: the items of a report, by the platform's standard exam code (STD_EXAM_CODE).
CREATE TABLE report_items (
    report_fk        bigint  NOT NULL REFERENCES reports (pk) ON DELETE CASCADE,
    exam_item_code   text    NOT NULL,
    exam_item_name   text    NOT NULL,
    exam_site_code   text,
    body_part_name   text,
    recognition      boolean NOT NULL,
    PRIMARY KEY (report_fk, exam_item_code)
);

-- A patient's authorisation for clinicians to look up their recent exams (the consent token a query carries).
CREATE TABLE consents (
    consent_id      text        PRIMARY KEY,
    id_type_code    text        NOT NULL,
    id_no           text        NOT NULL,
    org_code        text        NOT NULL,
    granted_by      text        NOT NULL,
    granted_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    revoked_at      timestamptz
);

-- Every recognition query, allowed or refused: who asked, under which consent, what for, and how many exams it
-- returned. The patient's identity is not repeated here: the consent row holds it.
CREATE TABLE recognition_queries (
    pk              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    asked_at        timestamptz NOT NULL DEFAULT now(),
    principal       text        NOT NULL,
    consent_id      text,
    kind            text        NOT NULL CHECK (kind IN ('recent', 'matching', 'decision', 'quote', 'report')),
    outcome         text        NOT NULL CHECK (outcome IN ('answered', 'refused')),
    detail          text        NOT NULL,
    results         integer     NOT NULL DEFAULT 0
);

-- SubmitAccept: a clinician's decision on one item of a prior report. reason (1-10, spec §3.13) only and always
-- when rejected. A resubmission of the same decision (same visit, report and item) replaces it.
CREATE TABLE recognition_decisions (
    pk                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    report_fk           bigint      NOT NULL REFERENCES reports (pk),
    item_code           text        NOT NULL,
    accepted            boolean     NOT NULL,
    reason              smallint    CHECK (reason BETWEEN 1 AND 10),
    new_event_no        text        NOT NULL,
    new_event_type      text        NOT NULL,
    org_code            text        NOT NULL,
    dept_code           text        NOT NULL,
    dept_name           text,
    doc_code            text        NOT NULL,
    doc_name            text,
    record_time         timestamp   NOT NULL,
    principal           text        NOT NULL,
    consent_id          text        NOT NULL REFERENCES consents (consent_id),
    recorded_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT decision_reason CHECK ((accepted AND reason IS NULL) OR (NOT accepted AND reason IS NOT NULL)),
    CONSTRAINT decision_key UNIQUE (new_event_no, report_fk, item_code)
);

-- SubmitQuote: a prior report's item quoted into the medical record of a new visit.
CREATE TABLE recognition_quotes (
    pk                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    report_fk           bigint      NOT NULL REFERENCES reports (pk),
    item_code           text        NOT NULL,
    new_event_no        text        NOT NULL,
    new_event_type      text        NOT NULL,
    org_code            text        NOT NULL,
    dept_code           text        NOT NULL,
    dept_name           text,
    doc_code            text        NOT NULL,
    doc_name            text,
    record_time         timestamp   NOT NULL,
    principal           text        NOT NULL,
    consent_id          text        NOT NULL REFERENCES consents (consent_id),
    recorded_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT quote_key UNIQUE (new_event_no, report_fk, item_code)
);
