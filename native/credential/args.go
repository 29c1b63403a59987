package main

import "strings"

// The command line of `rancher-keys kubectl-credential`, parsed as electron/cli/args.ts parses it:
// `--name value`, `--name=value`, `-h`, and the same usage errors.

type optionSpec struct {
	name  string
	value string // placeholder; "" for a flag
	short string
	help  string
}

var options = []optionSpec{
	{name: "server", value: "S", help: "Server by name, address or id."},
	{name: "key", value: "KEY", help: "Key name (default: the server's default key for tools)."},
	{name: "data-dir", value: "DIR", help: "Rancher Keys' data directory (default: the app's; env RANCHER_KEYS_DATA_DIR)."},
	{name: "keychain-service", value: "NAME", help: "Keychain service name (default rancher-keys; env RANCHER_KEYS_KEYCHAIN_SERVICE)."},
	{name: "help", short: "h", help: "Show this help."},
}

// usageError is a command line that does not parse (exit 64).
type usageError struct{ message string }

func (u *usageError) Error() string { return u.message }

// parseArgs returns the options given (flags as ""), the last occurrence winning.
func parseArgs(argv []string) (map[string]string, error) {
	given := map[string]string{}
	for i := 0; i < len(argv); i++ {
		arg := argv[i]
		if arg == "--" {
			return nil, &usageError{`This command takes no command after "--".`}
		}
		var spec *optionSpec
		inline, hasInline := "", false
		switch {
		case strings.HasPrefix(arg, "--"):
			name := arg[2:]
			if eq := strings.IndexByte(name, '='); eq >= 0 {
				name, inline, hasInline = name[:eq], name[eq+1:], true
			}
			spec = optionNamed(func(o optionSpec) bool { return o.name == name })
			if spec == nil {
				return nil, &usageError{"Unknown option --" + printable(name, 80) + "."}
			}
		case utf16Len(arg) == 2 && strings.HasPrefix(arg, "-") && arg != "-":
			spec = optionNamed(func(o optionSpec) bool { return o.short != "" && "-"+o.short == arg })
			if spec == nil {
				return nil, &usageError{"Unknown option " + printable(arg, 80) + "."}
			}
		default:
			return nil, &usageError{`Unexpected argument "` + printable(arg, 80) + `".`}
		}
		if spec.value == "" {
			if hasInline {
				return nil, &usageError{"--" + spec.name + " takes no value."}
			}
			given[spec.name] = ""
			continue
		}
		value := inline
		if !hasInline {
			i++
			if i >= len(argv) || (strings.HasPrefix(argv[i], "-") && argv[i] != "-") {
				return nil, &usageError{"--" + spec.name + " needs a value (" + spec.value + ")."}
			}
			value = argv[i]
		}
		given[spec.name] = value
	}
	return given, nil
}

func optionNamed(match func(optionSpec) bool) *optionSpec {
	for i := range options {
		if match(options[i]) {
			return &options[i]
		}
	}
	return nil
}

// helpText is `rancher-keys kubectl-credential --help` (electron/cli/command.ts commandHelp).
func helpText() string {
	lines := []string{
		"Usage: rancher-keys kubectl-credential --server S [--key KEY]",
		"",
		"Prints an ExecCredential (the apiVersion kubectl asks for in KUBERNETES_EXEC_INFO) carrying the key's token and its expiry. kubectl runs this from the kubeconfigs `rancher-keys kubeconfig` writes; you do not run it yourself.",
		"",
		"An expired, revoked, deleted or missing key exits 1 with one line on stderr that names the fix; kubectl shows that line.",
		"",
		"Options:",
	}
	for _, o := range options {
		names := "--" + o.name
		if o.short != "" {
			names = "-" + o.short + ", " + names
		}
		if o.value != "" {
			names += " " + o.value
		}
		lines = append(lines, "  "+names+strings.Repeat(" ", max(0, 26-len(names)))+" "+o.help)
	}
	lines = append(lines, "", "Exit codes:", "  0   success", "  1   failure (one line on stderr says what to do)", "  64  usage error")
	return strings.Join(lines, "\n") + "\n"
}

func max(a, b int) int {
	if a > b {
		return a
	}
	return b
}
