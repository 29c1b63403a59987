module rancherkeys.io/credential

go 1.19

require github.com/godbus/dbus/v5 v5.1.0

// No module download happens: the Secret Service client is Debian's golang-dbus-dev (godbus 5.1.0,
// installed by `npm run setup`). It is compiled only for Linux; macOS and Windows builds never read
// this directory.
replace github.com/godbus/dbus/v5 => /usr/share/gocode/src/github.com/godbus/dbus
