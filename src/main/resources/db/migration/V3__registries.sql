-- Slipway workspace schema, version 3: registries ("master servers") and the key that seals their credentials.
-- Secrets are never stored in plaintext: `registry.credential` is AES-256-GCM ciphertext under a key derived
-- from the workspace passphrase (Argon2id); `credential_key` holds only the KDF's salt and parameters and a
-- sealed check value that tells a wrong passphrase apart (see io.slipway.core.registry.CredentialVault).

CREATE TABLE credential_key (
    id              INT PRIMARY KEY CHECK (id = 1),
    kdf             VARCHAR(40) NOT NULL,
    kdf_memory_kib  INT NOT NULL,
    kdf_iterations  INT NOT NULL,
    kdf_parallelism INT NOT NULL,
    salt            VARBINARY(64) NOT NULL,
    key_check       VARBINARY(256) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE registry (
    name            VARCHAR(100) PRIMARY KEY,
    url             VARCHAR(1000) NOT NULL,
    ca_pem          CLOB,
    username        VARCHAR(200),
    credential      VARBINARY(4096),
    insecure_http   BOOLEAN NOT NULL DEFAULT FALSE,
    skip_tls_verify BOOLEAN NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CHECK (credential IS NULL OR username IS NOT NULL)
);
