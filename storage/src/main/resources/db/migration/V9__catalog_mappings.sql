-- Each institution's own exam codes and names, mapped to items of the 川渝 mutual-recognition catalogue (1-141).
-- The catalogue matcher looks a study's procedure codes and exam names up here before it scores the catalogue.
-- Keys are stored as the matcher compares them (NFKC, trimmed, upper case, single spaces). Maintained through
-- CatalogMappings and /api/qc/catalog/mappings.
CREATE TABLE catalog_mappings (
    institution_code  text      NOT NULL CHECK (char_length(institution_code) BETWEEN 1 AND 64),
    local_key         text      NOT NULL CHECK (char_length(local_key) BETWEEN 1 AND 256),
    item_numbers      integer[] NOT NULL CHECK (cardinality(item_numbers) >= 1 AND 0 < ALL (item_numbers)),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (institution_code, local_key)
);
