// Package layouts holds the built-in templates and front-end sources of a
// handbook site. They are embedded into the handbook binary; a site's own
// layouts folder overrides them file by file.
package layouts

import "embed"

// FS holds the page templates (*.html) and the front-end sources
// (assets/), which are bundled by esbuild during the build.
//
//go:embed *.html assets
var FS embed.FS
