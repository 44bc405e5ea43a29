-- Fleet deploy (issue 4): node inventory details, deploy pipeline records, per-step timings, build logs.
-- Numbered 4 to leave room for the parallel branches' migrations; renumbered at merge if needed.

-- Node inventory: TLS client certificates for tcp:// endpoints, free-form labels, what the last probe found.
ALTER TABLE node ADD COLUMN tls_cert_dir VARCHAR(1000);
ALTER TABLE node ADD COLUMN labels_json VARCHAR(4000) NOT NULL DEFAULT '{}';
ALTER TABLE node ADD COLUMN engine_kind VARCHAR(40);
ALTER TABLE node ADD COLUMN api_version VARCHAR(40);
ALTER TABLE node ADD COLUMN cpus INT;
ALTER TABLE node ADD COLUMN memory_bytes BIGINT;
-- last_seen (V1) is the last time the node answered; last_probe_at the last time Slipway asked.
ALTER TABLE node ADD COLUMN last_probe_at TIMESTAMP WITH TIME ZONE;

-- A deploy run: its id as written into image/container labels, the registry, the build-environment image,
-- the concurrency limit, and for a retry the run it retries.
ALTER TABLE deploy ADD COLUMN uid VARCHAR(64);
ALTER TABLE deploy ADD COLUMN registry VARCHAR(400);
ALTER TABLE deploy ADD COLUMN env_image_ref VARCHAR(1000);
ALTER TABLE deploy ADD COLUMN parallelism INT;
ALTER TABLE deploy ADD COLUMN retry_of BIGINT;
CREATE UNIQUE INDEX deploy_uid ON deploy(uid);

-- Per node: where it failed (the step), whether trying again may help, timings, time spent inside engine and
-- registry calls (the rest is orchestration overhead), the environment container, the stored build log.
ALTER TABLE deploy_node ADD COLUMN failed_step VARCHAR(40);
ALTER TABLE deploy_node ADD COLUMN retryable BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE deploy_node ADD COLUMN started_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE deploy_node ADD COLUMN finished_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE deploy_node ADD COLUMN engine_ms BIGINT;
ALTER TABLE deploy_node ADD COLUMN container_id VARCHAR(100);
ALTER TABLE deploy_node ADD COLUMN build_log CLOB;

-- Every step of every node, timed: one row per step entered.
CREATE TABLE deploy_step (
    deploy_id   BIGINT NOT NULL,
    node_name   VARCHAR(200) NOT NULL,
    seq         INT NOT NULL,
    step        VARCHAR(40) NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    duration_ms BIGINT NOT NULL,
    outcome     VARCHAR(20) NOT NULL,
    detail      VARCHAR(4000),
    PRIMARY KEY (deploy_id, node_name, seq),
    FOREIGN KEY (deploy_id, node_name) REFERENCES deploy_node(deploy_id, node_name) ON DELETE CASCADE
);
