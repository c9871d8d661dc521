-- Launch templates and their versions. A version's LaunchTemplateData is stored as given (the parsed request,
-- JSON, keyed by model member names): RequestLaunchTemplateData and ResponseLaunchTemplateData share member names,
-- so Describe answers it back as is (docs/behavior.md "Launch templates").
CREATE TABLE launch_templates (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  name TEXT NOT NULL,
  default_version INTEGER NOT NULL DEFAULT 1,
  -- the highest number ever given: deleted numbers are never reused
  last_number INTEGER NOT NULL DEFAULT 1,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (account, region, name)
);
CREATE INDEX launch_templates_scope ON launch_templates (account, region, seq);

CREATE TABLE launch_template_versions (
  seq INTEGER PRIMARY KEY,
  -- `<template id>:<number>`, so the generic list query and DescribeLaunchTemplateVersions paging work on it
  id TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  template_id TEXT NOT NULL REFERENCES launch_templates (id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  description TEXT,
  data TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (template_id, number)
);
CREATE INDEX launch_template_versions_scope ON launch_template_versions (account, region, seq);

-- A template's tags go with it.
CREATE TRIGGER launch_templates_tags AFTER DELETE ON launch_templates BEGIN DELETE FROM tags WHERE resource_id = OLD.id; END;
