-- Usher's own tables beside Quartz's (V1): see io.usher.scheduler.SharedStore.

-- One row per talk, phase and instant (PhaseEvent.recordId): the bot that handles it.
CREATE TABLE usher_phase_claims
(
  conference VARCHAR(40)  NOT NULL,
  record_id  VARCHAR(300) NOT NULL,
  claimed_by VARCHAR(200) NOT NULL,
  state      VARCHAR(16)  NOT NULL,
  claimed_at TIMESTAMPTZ  NOT NULL,
  settled_at TIMESTAMPTZ  NULL,
  PRIMARY KEY (conference, record_id)
);

CREATE INDEX usher_phase_claims_by ON usher_phase_claims (conference, claimed_by, state);

-- Named values a conference's bots share: paused, the schedule version, the management
-- room's /sync position.
CREATE TABLE usher_cluster_state
(
  conference VARCHAR(40)  NOT NULL,
  name       VARCHAR(100) NOT NULL,
  value      TEXT         NOT NULL,
  PRIMARY KEY (conference, name)
);
