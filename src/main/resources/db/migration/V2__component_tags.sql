-- Slipway workspace schema, version 2: component tags set or overridden in the workspace.
-- One row per component id and tag; the workspace wins over the tags in SPDX annotations (docs/sbom-tags.md).
-- Every change is also written to the audit trail (action sbom.tag-changed).

CREATE TABLE component_tag (
    component_id VARCHAR(200) NOT NULL,
    tag          VARCHAR(40)  NOT NULL CHECK (tag IN ('type', 'mode', 'native', 'source-id')),
    val          VARCHAR(400) NOT NULL,
    changed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by   VARCHAR(200) NOT NULL,
    PRIMARY KEY (component_id, tag)
);
