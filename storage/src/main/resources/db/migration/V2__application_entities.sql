-- The DICOM peers the node knows: which institution each AE title belongs to, where to reach it for C-MOVE, and
-- whether its institution takes part in mutual recognition. Maintained through AeRegistry.
CREATE TABLE application_entities (
    ae_title          text        PRIMARY KEY CHECK (char_length(ae_title) BETWEEN 1 AND 16),
    host              text        NOT NULL,
    port              integer     NOT NULL CHECK (port BETWEEN 1 AND 65535),
    institution_code  text        NOT NULL,
    institution_name  text        NOT NULL,
    -- The hospital grade as the programme states it, e.g. 三级甲等, 二级.
    hospital_level    text,
    recognised        boolean     NOT NULL DEFAULT false,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX application_entities_institution_code ON application_entities (institution_code);
