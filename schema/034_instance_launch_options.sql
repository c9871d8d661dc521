-- Instance options RunInstances takes and the instance shows (each with its own Modify action):
-- hostname_type / dns_a_record / dns_aaaa_record: PrivateDnsNameOptions, by default the subnet's
-- PrivateDnsNameOptionsOnLaunch at launch; auto_recovery: MaintenanceOptions.AutoRecovery; capacity_reservation:
-- CapacityReservationSpecification as JSON (null: preference open, AWS's default).
ALTER TABLE instances ADD COLUMN hostname_type TEXT NOT NULL DEFAULT 'ip-name';
ALTER TABLE instances ADD COLUMN dns_a_record INTEGER NOT NULL DEFAULT 0;
ALTER TABLE instances ADD COLUMN dns_aaaa_record INTEGER NOT NULL DEFAULT 0;
ALTER TABLE instances ADD COLUMN auto_recovery TEXT NOT NULL DEFAULT 'default';
ALTER TABLE instances ADD COLUMN capacity_reservation TEXT;
