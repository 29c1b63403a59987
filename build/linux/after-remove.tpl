#!/bin/bash

# Rancher Keys: electron-builder 26's default after-remove script (app-builder-lib/templates/linux/
# after-remove.tpl), plus removing the `rancher-keys` command's link that after-install.tpl made.

# Delete the link to the binary
# update-alternatives --remove <name> <path>: 'path' must be the registered alternative binary,
# not the generic symlink — see https://man7.org/linux/man-pages/man1/update-alternatives.1.html
if type update-alternatives >/dev/null 2>&1; then
    update-alternatives --remove '${executable}' '/opt/${sanitizedProductName}/${executable}'
else
    rm -f '/usr/bin/${executable}'
fi

APPARMOR_PROFILE_DEST='/etc/apparmor.d/${executable}'

# Remove and unload apparmor profile.
if [ -f "$APPARMOR_PROFILE_DEST" ]; then
  # Unload the profile from the running kernel before deleting the file so the
  # policy is not left enforced until the next reboot.  Mirror the chroot guard
  # used in the after-install script — live AppArmor operations are not
  # meaningful inside a chroot.
  # https://wiki.debian.org/AppArmor/HowToUse
  if apparmor_status --enabled > /dev/null 2>&1; then
    if ! { [ -x '/usr/bin/ischroot' ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
      apparmor_parser --remove "$APPARMOR_PROFILE_DEST" || true
    fi
  fi
  rm -f "$APPARMOR_PROFILE_DEST"
fi
# The `rancher-keys` command's link.
if type update-alternatives >/dev/null 2>&1; then
    update-alternatives --remove 'rancher-keys' '/opt/${sanitizedProductName}/resources/bin/rancher-keys' || true
fi
if [ -L '/usr/bin/rancher-keys' -a ! -e '/usr/bin/rancher-keys' ]; then
    rm -f '/usr/bin/rancher-keys'
fi
