// Command handbook builds a team handbook, updates, decisions, objectives,
// people and teams from Markdown into a static site.
//
// Usage:
//
//	handbook init [DIR]      start a new handbook: content, workflows, netlify.toml
//	handbook build [flags]   build the site into public/
//	handbook new KIND        write a new update, decision, objective, page, person or team
//	handbook serve           serve the site while writing
//	handbook check           check the content as a pull request review would
//	handbook summary         summarize what a branch changes
//	handbook version         print the version
//	handbook help [command]  show help
//
// Run "handbook COMMAND --help" for a command's flags.
package main

import (
	"os"
	_ "time/tzdata" // IANA time zones even where the system has none
)

func main() {
	limitMemory()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
