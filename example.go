// Package handbook holds the example site this repository publishes, the
// handbook of Northwind, a made-up remote team. It is embedded into the
// handbook binary so that "handbook init --example" can write it: a new
// team can see every feature at work before writing its own.
//
// The command is in cmd/handbook, the generator in generator/.
package handbook

import (
	"embed"
	"io/fs"
)

// content is the example's content folder; "all:" keeps files whose names
// start with "_", such as handbook/_index.md.
//
//go:embed all:content
var content embed.FS

// Example returns the example site's content folder: site.toml, people,
// teams, handbook pages, updates, decisions and objectives.
func Example() fs.FS {
	sub, err := fs.Sub(content, "content")
	if err != nil {
		panic(err) // "content" is a valid path: fs.Sub cannot fail
	}
	return sub
}
