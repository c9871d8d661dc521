-- A just-deregistered image's id is left out of DescribeImages for its owner only (others get InvalidAMIID.NotFound).
ALTER TABLE deregistered_images ADD COLUMN account TEXT NOT NULL DEFAULT '';
