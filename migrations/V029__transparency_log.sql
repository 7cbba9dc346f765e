-- Issue 34, point 4: the transparency log, an RFC 9162 Merkle tree of what the service records.

-- The leaves in order: which record each one is (its kind and id) and its leaf hash. The leaf's content is not kept
-- here but derived from the record itself, so that a record changed or removed afterwards no longer gives its leaf:
-- an auditor's replay recomputes every leaf from an export of the records and compares the root with a checkpoint.
CREATE TABLE transparency_leaf (
    leaf_index BIGINT      NOT NULL PRIMARY KEY,
    kind       VARCHAR(32) NOT NULL,
    record_id  BIGINT      NOT NULL,
    leaf_hash  VARCHAR(64) NOT NULL,
    CONSTRAINT transparency_leaf_once UNIQUE (kind, record_id),
    CONSTRAINT transparency_leaf_kind_known CHECK (kind IN ('JUDGEMENT', 'EVIDENCE', 'CERTIFICATE_ISSUED', 'CERTIFICATE_REVOKED',
        'THIRD_PARTY_REPORT', 'MODERATION'))
);

-- One row, the tree's size, which every append increases in its own transaction: its row lock makes appends from any
-- number of instances take their turn, so leaf indexes are contiguous and the tree never forks.
CREATE TABLE transparency_head (
    head_id   INTEGER NOT NULL PRIMARY KEY,
    tree_size BIGINT  NOT NULL
);
INSERT INTO transparency_head (head_id, tree_size) VALUES (1, 0);

-- Signed checkpoints (C2SP tlog-checkpoint, as a signed note), all kept.
CREATE TABLE transparency_checkpoint (
    tree_size BIGINT      NOT NULL PRIMARY KEY,
    root_hash VARCHAR(64) NOT NULL,
    note      TEXT        NOT NULL,
    signed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
