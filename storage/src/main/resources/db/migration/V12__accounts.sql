-- Local accounts of the node (console logins, DICOM user identity, admins without an OIDC server). Passwords are
-- Argon2id hashes in PHC string form; the TOTP secret is the raw RFC 6238 key (the second factor of console
-- logins), NULL until enrolled. Roles: uploader, viewer, reviewer, admin. institution_code scopes an uploader.
CREATE TABLE accounts (
    username          text        PRIMARY KEY CHECK (char_length(username) BETWEEN 1 AND 64),
    password_hash     text        NOT NULL,
    roles             text[]      NOT NULL,
    institution_code  text,
    totp_secret       bytea,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
