-- WADO-RS series metadata served from a pre-built document (PS3.18 §10.4.1.1.3): the DICOM JSON of every instance
-- of a series, gzip-compressed, kept per series so a request is a copy rather than a rebuild from many rows.
--
-- series.metadata_generation counts changes to a series' instances. The trigger below bumps it in the transaction
-- that inserts, updates (new version, compressed blob) or deletes an instance, whatever code path did it, so a
-- document is current exactly when its generation equals the series' generation. A document built from a snapshot
-- that a concurrent write has since overtaken carries the older generation and is never served.
ALTER TABLE series ADD COLUMN metadata_generation bigint NOT NULL DEFAULT 0;

CREATE TABLE series_metadata (
    series_fk    bigint      PRIMARY KEY REFERENCES series (pk) ON DELETE CASCADE,
    -- series.metadata_generation of the snapshot the document was built from.
    generation   bigint      NOT NULL,
    -- The DICOMweb base URI its BulkDataURIs start with (the address clients reach the node at).
    base_uri     text        NOT NULL,
    json_gzip    bytea       NOT NULL,
    json_length  bigint      NOT NULL CHECK (json_length >= 0),
    built_at     timestamptz NOT NULL DEFAULT now()
);

-- It also sends NOTIFY hrnode_series_changed with the Series Instance UID, delivered when the transaction commits
-- (identical payloads of one transaction are delivered once): the node rebuilds a document once its series has
-- been quiet for a moment, so that the first viewer after an arrival finds it ready. A missed notification costs
-- only that: the next request rebuilds.
CREATE FUNCTION series_metadata_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed text;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE series SET metadata_generation = metadata_generation + 1 WHERE pk = OLD.series_fk
            RETURNING series_instance_uid INTO changed;
        IF changed IS NOT NULL THEN
            PERFORM pg_notify('hrnode_series_changed', changed);
        END IF;
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.series_fk <> OLD.series_fk) THEN
        UPDATE series SET metadata_generation = metadata_generation + 1 WHERE pk = NEW.series_fk
            RETURNING series_instance_uid INTO changed;
        IF changed IS NOT NULL THEN
            PERFORM pg_notify('hrnode_series_changed', changed);
        END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER instances_series_metadata AFTER INSERT OR UPDATE OR DELETE ON instances
    FOR EACH ROW EXECUTE FUNCTION series_metadata_changed();
