-- Slipway workspace schema, version 7: why and where each audit event happened, indexes for the Audit view's
-- filters, and the workspace's Ed25519 key that signs audit exports and evidence packs.
--
-- hash_version: 1 = events written before V7 (hash over prev, seq, at, who, action, subject, details);
-- 2 = events that also hash host and reason (see io.slipway.core.audit.AuditHashing). Old events keep verifying.

ALTER TABLE audit_event ADD COLUMN host VARCHAR(200);
ALTER TABLE audit_event ADD COLUMN reason VARCHAR(2000);
ALTER TABLE audit_event ADD COLUMN hash_version INT NOT NULL DEFAULT 1;

CREATE INDEX audit_event_at ON audit_event(at);
CREATE INDEX audit_event_action ON audit_event(action);
CREATE INDEX audit_event_subject ON audit_event(subject);
CREATE INDEX audit_event_who ON audit_event(who);

-- The private key is sealed with the workspace passphrase (CredentialVault: Argon2id + AES-256-GCM);
-- the public key and its fingerprint are public.
CREATE TABLE audit_signing_key (
    id             INT PRIMARY KEY CHECK (id = 1),
    algorithm      VARCHAR(40) NOT NULL,
    public_key     VARBINARY(256) NOT NULL,
    sealed_private VARBINARY(1024) NOT NULL,
    fingerprint    VARCHAR(100) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
