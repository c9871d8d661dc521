/**
 * Public keys made with ssh-keygen, and their fingerprints as ssh-keygen prints them (an oracle independent of
 * ec2lite's code): `ssh-keygen -E md5 -lf` for RSA (AWS's fingerprint of an imported RSA key), `-E sha256` for
 * ED25519.
 */
export const RSA_PUBLIC =
  'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCdoPqzaIUAHLnMnAeveYsihgH3gbacCgVVEZvCsU9EwtY+t+0sUSfM3/zS+ZIZAWtKmhDmaj6iZsgVS9c6DOn2Eh0b3KOjaLcsJ2NahodJoc9YxH9LTrYas26KMkfTYS4Pm/aBvtFjJi+7MWGcMYMNWbehzlHJABsBAWMNAvm+ev9JKb3h0ZEfNRrVDcNruygVS3X0iBkjJLehBeF9s45018EjhQV7WjEeOpIgp0Kt97tw2i66yekBr6oQgahPSLuOZHaGfeUmzD7ki0x7F+GzAGwUVf+GhCAY0hmVlyp8Pb+4Xu3u7iTJAehCSDZHpVSh5vRLqOw6Ze/u9SRRvQI5 test@ec2lite';
export const RSA_MD5 = '9f:2e:4d:34:61:d3:62:54:e3:82:09:a3:c9:6c:a5:e6';
export const ED25519_PUBLIC = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOSoX/BzFQcS+N8/oWO5aokc5E/b9PUENQ42NsYmDsWn ed@ec2lite';
export const ED25519_SHA256 = '+qFqzpc/TTea/8AgYF4v5KgyBMz3NH4ikNPwYlbLouk';
