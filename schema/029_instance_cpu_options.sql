-- CPU options (RunInstances' CpuOptions, ModifyInstanceCpuOptions).
--
-- core_count and threads_per_core are null until set: the instance then shows its type's defaults (a type change
-- resets them, as AWS does). amd_sev_snp is RunInstances' CpuOptions.AmdSevSnp, null when not asked for.
ALTER TABLE instances ADD COLUMN core_count INTEGER;
ALTER TABLE instances ADD COLUMN threads_per_core INTEGER;
ALTER TABLE instances ADD COLUMN amd_sev_snp TEXT;
