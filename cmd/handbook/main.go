// Command handbook builds a team handbook, updates, decisions, objectives,
// people and teams from Markdown into a static site.
//
// Usage:
//
//	handbook build [flags]   build the site into public/
//	handbook help [command]  show help
//
// Run "handbook COMMAND --help" for a command's flags.
package main

import (
	"os"
	_ "time/tzdata" // IANA time zones even where the system has none
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
