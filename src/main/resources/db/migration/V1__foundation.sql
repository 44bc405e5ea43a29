-- Slipway workspace schema, version 1: settings, fleet, components, upgrade offers, deploy history, audit trail.

CREATE TABLE setting (
    name  VARCHAR(200) PRIMARY KEY,
    val  VARCHAR(4000) NOT NULL
);

CREATE TABLE node (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    name           VARCHAR(200) NOT NULL UNIQUE,
    endpoint       VARCHAR(1000) NOT NULL,
    groups_csv     VARCHAR(1000) NOT NULL DEFAULT '',
    notes          VARCHAR(4000) NOT NULL DEFAULT '',
    status         VARCHAR(40) NOT NULL DEFAULT 'UNKNOWN',
    status_reason  VARCHAR(2000),
    engine_version VARCHAR(100),
    os_arch        VARCHAR(100),
    last_seen      TIMESTAMP WITH TIME ZONE
);

CREATE TABLE installed_software (
    node_id  BIGINT NOT NULL REFERENCES node(id) ON DELETE CASCADE,
    software VARCHAR(200) NOT NULL,
    version  VARCHAR(100) NOT NULL,
    PRIMARY KEY (node_id, software)
);

CREATE TABLE component (
    id                VARCHAR(200) PRIMARY KEY,
    name              VARCHAR(400) NOT NULL,
    version           VARCHAR(200) NOT NULL,
    type              VARCHAR(40) NOT NULL,
    release_mode      INT NOT NULL CHECK (release_mode BETWEEN 1 AND 3),
    native_id         VARCHAR(200),
    supplier          VARCHAR(400),
    declared_licence  VARCHAR(1000),
    concluded_licence VARCHAR(1000),
    copyright         VARCHAR(4000)
);

CREATE TABLE upgrade_offer (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    name       VARCHAR(200) NOT NULL UNIQUE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE upgrade_offer_item (
    offer_id BIGINT NOT NULL REFERENCES upgrade_offer(id) ON DELETE CASCADE,
    software VARCHAR(200) NOT NULL,
    version  VARCHAR(100) NOT NULL,
    PRIMARY KEY (offer_id, software)
);

CREATE TABLE deploy (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    software    VARCHAR(200) NOT NULL,
    version     VARCHAR(100) NOT NULL,
    forced      BOOLEAN NOT NULL DEFAULT FALSE,
    state       VARCHAR(40) NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE
);

CREATE TABLE deploy_node (
    deploy_id         BIGINT NOT NULL REFERENCES deploy(id) ON DELETE CASCADE,
    node_name         VARCHAR(200) NOT NULL,
    state             VARCHAR(40) NOT NULL,
    detail            VARCHAR(4000),
    env_image         VARCHAR(1000),
    env_digest        VARCHAR(100),
    software_image    VARCHAR(1000),
    software_digest   VARCHAR(100),
    duration_ms       BIGINT,
    PRIMARY KEY (deploy_id, node_name)
);

-- Append-only: each row carries the SHA-256 of its predecessor (hash chain); a trigger refuses UPDATE/DELETE.
CREATE TABLE audit_event (
    seq       BIGINT PRIMARY KEY,
    at        TIMESTAMP WITH TIME ZONE NOT NULL,
    who       VARCHAR(200) NOT NULL,
    action    VARCHAR(200) NOT NULL,
    subject   VARCHAR(1000) NOT NULL,
    details   CLOB NOT NULL,
    prev_hash CHAR(64) NOT NULL,
    hash      CHAR(64) NOT NULL
);

CREATE TRIGGER audit_event_append_only BEFORE UPDATE, DELETE ON audit_event
    FOR EACH ROW CALL 'io.slipway.core.audit.AppendOnlyTrigger';
