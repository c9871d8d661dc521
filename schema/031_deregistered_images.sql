-- Images deregistered within the last hour. AWS still knows their ids for a while: DescribeImages with such an id
-- leaves it out of the answer instead of answering InvalidAMIID.NotFound (amazon.aws ec2_ami waits for the
-- deregistered image to disappear from DescribeImages, against AWS). Rows older than the hour are purged on write.
CREATE TABLE deregistered_images (
  id TEXT PRIMARY KEY,
  region TEXT NOT NULL,
  deregistered_at INTEGER NOT NULL
);
CREATE INDEX deregistered_images_age ON deregistered_images (deregistered_at);
