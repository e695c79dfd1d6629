-- Data-quality facts per instance (QCspec §7.1), judged by the application at ingest (QualityFacts) and aggregated
-- in SQL per institution and period. All NULL for instances stored before this migration: they count as unjudged.
--
--  * acquisition_at: the acquisition moment (timestamptz: the object's local time placed in its time zone), and
--    acquisition_source: which attribute(s) gave it (AcquisitionDateTime, AcquisitionDate+Time, ContentDate+Time,
--    SeriesDate+Time, StudyDate+Time).
--  * timeliness: ON_TIME, LATE, UNKNOWN (no usable time) or CLOCK_SKEW (acquired in the future);
--    lateness_seconds: arrived_at - acquisition_at.
--  * required_field_count / missing_fields: the completeness of the fields the programme requires of this object.
--  * defects: validation failures (short codes); an empty array means the instance passed every check.
--  * arrived_lossless: the object arrived already lossless-compressed (encapsulated lossless transfer syntax).
ALTER TABLE instances
    ADD COLUMN acquisition_at        timestamptz,
    ADD COLUMN acquisition_source    text,
    ADD COLUMN timeliness            text,
    ADD COLUMN lateness_seconds      bigint,
    ADD COLUMN required_field_count  integer,
    ADD COLUMN missing_fields        text[],
    ADD COLUMN defects               text[],
    ADD COLUMN arrived_lossless      boolean;

ALTER TABLE instance_versions
    ADD COLUMN acquisition_at        timestamptz,
    ADD COLUMN acquisition_source    text,
    ADD COLUMN timeliness            text,
    ADD COLUMN lateness_seconds      bigint,
    ADD COLUMN required_field_count  integer,
    ADD COLUMN missing_fields        text[],
    ADD COLUMN defects               text[],
    ADD COLUMN arrived_lossless      boolean;

-- The quality report selects an institution's instances by arrival period.
CREATE INDEX instances_institution_arrived_at ON instances (institution_code, arrived_at);
