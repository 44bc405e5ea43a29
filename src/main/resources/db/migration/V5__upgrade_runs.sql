-- Upgrades (issue 9): where an offer came from, upgrade runs with their waves and thresholds, and one row per
-- target (node × software) with both verdicts kept apart: upgrade status (did build + push work) and run status
-- (did the new build run well in its run check), the basis of the run verdict, the evidence, and the action taken.

ALTER TABLE upgrade_offer ADD COLUMN source VARCHAR(1000);

CREATE TABLE upgrade_run (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    uid                 VARCHAR(64) NOT NULL UNIQUE,
    offer_id            BIGINT,
    offer_name          VARCHAR(200) NOT NULL,
    who                 VARCHAR(200) NOT NULL,
    reason              VARCHAR(2000),
    registry            VARCHAR(400) NOT NULL,
    -- the wave plan as typed (e.g. 1,25%,100%) and the thresholds as shares 0..1
    waves               VARCHAR(200) NOT NULL,
    canary_max_failures DOUBLE PRECISION NOT NULL,
    max_failures        DOUBLE PRECISION NOT NULL,
    watch_ms            BIGINT NOT NULL,
    parallelism         INT NOT NULL,
    install_missing     BOOLEAN NOT NULL DEFAULT FALSE,
    state               VARCHAR(40) NOT NULL,
    current_wave        INT NOT NULL DEFAULT 0,
    wave_count          INT NOT NULL,
    pause_reason        VARCHAR(2000),
    started_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at         TIMESTAMP WITH TIME ZONE
);

CREATE TABLE upgrade_target (
    run_id          BIGINT NOT NULL REFERENCES upgrade_run(id) ON DELETE CASCADE,
    node_name       VARCHAR(200) NOT NULL,
    software        VARCHAR(200) NOT NULL,
    from_version    VARCHAR(100),
    to_version      VARCHAR(100) NOT NULL,
    wave            INT NOT NULL,
    phase           VARCHAR(40) NOT NULL,
    step            VARCHAR(40),
    upgrade_status  VARCHAR(20),
    failed_step     VARCHAR(40),
    detail          VARCHAR(4000),
    run_status      VARCHAR(20),
    run_basis       VARCHAR(20),
    evidence_json   CLOB,
    action          VARCHAR(20),
    -- the deploy that carried the build + push (its steps, timings and build log are the target's)
    deploy_id       BIGINT,
    attempts        INT NOT NULL DEFAULT 0,
    env_image       VARCHAR(1000),
    env_digest      VARCHAR(100),
    software_image  VARCHAR(1000),
    software_digest VARCHAR(100),
    started_at      TIMESTAMP WITH TIME ZONE,
    finished_at     TIMESTAMP WITH TIME ZONE,
    duration_ms     BIGINT,
    check_ms        BIGINT,
    PRIMARY KEY (run_id, node_name, software)
);

CREATE INDEX upgrade_target_history ON upgrade_target(node_name, software);
