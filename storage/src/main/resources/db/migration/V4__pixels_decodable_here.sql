-- Whether the node could prove the stored pixels decode (lossless rule, 川渝 spec 7.1). False for a lossless
-- compressed object kept as received because this machine lacks its codec (CharLS not installed for JPEG-LS,
-- HTJ2K): nobody proved its pixels decode. The index keeps the flag so such objects can be found and checked later.
ALTER TABLE instances ADD COLUMN pixels_decodable_here boolean NOT NULL DEFAULT true;
ALTER TABLE instance_versions ADD COLUMN pixels_decodable_here boolean NOT NULL DEFAULT true;
CREATE INDEX instances_pixels_not_decodable_here ON instances (pk) WHERE NOT pixels_decodable_here;
