# Rancher Keys: electron-builder's default profile (Ubuntu 24.04+ restricts unprivileged user
# namespaces, which Chromium's sandbox needs, to profiles that allow `userns`). The deb installs it
# to /etc/apparmor.d/ where the running AppArmor supports abi 4.0.
abi <abi/4.0>,
include <tunables/global>

profile "${executable}" "/opt/${sanitizedProductName}/${executable}" flags=(unconfined) {
  userns,

  # Site-specific additions and overrides. See local/README for details.
  include if exists <local/${executable}>
}