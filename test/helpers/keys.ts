/**
 * Public keys made with ssh-keygen, and their fingerprints from tools independent of ec2lite's code: for RSA
 * the MD5 of the DER public key (AWS's fingerprint of an imported RSA key, not `ssh-keygen -E md5`'s), for
 * ED25519 `ssh-keygen -E sha256 -lf`.
 */
export const RSA_PUBLIC =
  'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCdoPqzaIUAHLnMnAeveYsihgH3gbacCgVVEZvCsU9EwtY+t+0sUSfM3/zS+ZIZAWtKmhDmaj6iZsgVS9c6DOn2Eh0b3KOjaLcsJ2NahodJoc9YxH9LTrYas26KMkfTYS4Pm/aBvtFjJi+7MWGcMYMNWbehzlHJABsBAWMNAvm+ev9JKb3h0ZEfNRrVDcNruygVS3X0iBkjJLehBeF9s45018EjhQV7WjEeOpIgp0Kt97tw2i66yekBr6oQgahPSLuOZHaGfeUmzD7ki0x7F+GzAGwUVf+GhCAY0hmVlyp8Pb+4Xu3u7iTJAehCSDZHpVSh5vRLqOw6Ze/u9SRRvQI5 test@ec2lite';
/** AWS's fingerprint of an imported RSA key: MD5 of the DER SubjectPublicKeyInfo (`openssl pkey -pubin -outform DER | openssl md5 -c`). */
export const RSA_MD5 = '68:ac:a2:46:37:a8:45:01:f1:e1:39:69:d1:e3:86:55';
export const ED25519_PUBLIC = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOSoX/BzFQcS+N8/oWO5aokc5E/b9PUENQ42NsYmDsWn ed@ec2lite';
export const ED25519_SHA256 = '+qFqzpc/TTea/8AgYF4v5KgyBMz3NH4ikNPwYlbLouk';
