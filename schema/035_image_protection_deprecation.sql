-- AMI deregistration protection with its optional 24-hour cooldown, and deprecation.
-- deregistration_cooldown: protection was enabled WithCooldown; protected_until: after a disable with the cooldown,
-- the AMI still cannot be deregistered until then (ms). deprecation_time: EnableImageDeprecation's time (ms).
ALTER TABLE images ADD COLUMN deregistration_cooldown INTEGER NOT NULL DEFAULT 0;
ALTER TABLE images ADD COLUMN protected_until INTEGER;
ALTER TABLE images ADD COLUMN deprecation_time INTEGER;
