-- IAM instance profiles associated with instances (AssociateIamInstanceProfile, RunInstances IamInstanceProfile).
-- ec2lite has no IAM: a profile is its ARN (any well-formed one, or account + name) and an id derived from it.
CREATE TABLE iam_instance_profile_associations (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  instance_id TEXT NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
  profile_arn TEXT NOT NULL,
  profile_id TEXT NOT NULL,
  -- associating | associated | disassociating (a disassociated association is deleted)
  state TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX iam_instance_profile_associations_scope ON iam_instance_profile_associations (account, region, seq);
CREATE INDEX iam_instance_profile_associations_instance ON iam_instance_profile_associations (instance_id);
