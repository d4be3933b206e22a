package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/base32"
	"encoding/binary"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/evanw/esbuild/pkg/api"

	"github.com/handbook/handbook/generator/cache"
)

// Code highlighting styles: one for each theme.
const (
	LightStyle = "github"
	DarkStyle  = "github-dark"
)

// Assets are the hrefs of the bundled front-end files, for templates.
type Assets struct {
	CSS string // assets/site.css, bundled and minified
	JS  string // assets/site.ts or site.js
	// Icon is assets/favicon.svg, copied under a hashed name, if the
	// layouts have one.
	Icon string
	// All maps each entry point's name ("search.ts") to its href.
	All map[string]string
}

type builtAssets struct {
	outputs []Output
	names   map[string]string // entry name -> output path
}

func (b builtAssets) urls(base string) Assets {
	a := Assets{All: map[string]string{}}
	for name, p := range b.names {
		a.All[name] = base + "/" + p
	}
	a.CSS = a.All["site.css"]
	a.JS = cmpOr(a.All["site.ts"], a.All["site.js"])
	a.Icon = a.All["favicon.svg"]
	return a
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// chromaImport is the module site.css imports to get the generated code
// highlighting styles.
const chromaImport = "handbook:chroma.css"

// assetsNS is the cache namespace of bundled assets, and parsedNS that
// of the layouts known to parse: an empty entry under their key.
const (
	assetsNS = "assets"
	parsedNS = "layouts-parsed"
)

// cachedAssets returns the assets bundled from layouts, whose files hash
// to key (readLayouts): from c, when a build bundled the same files
// before, else bundled now and kept in c. esbuild took 15 to 25 ms of a
// build with one file changed, before any page could be made.
func cachedAssets(layouts fs.FS, c *cache.Cache, key cache.Key) (builtAssets, error) {
	if data, ok := c.Get(assetsNS, key); ok {
		if b, ok := decodeAssets(data); ok {
			return b, nil
		}
	}
	b, err := buildAssets(layouts)
	if err == nil {
		c.Put(assetsNS, key, b.encode())
	}
	return b, err
}

// encode lays out the bundled assets for the cache: a hash of the rest,
// then each output's path and bytes, then each entry's name and output
// path, in order of name.
func (b builtAssets) encode() []byte {
	var e []byte
	str := func(s string) {
		e = binary.AppendUvarint(e, uint64(len(s)))
		e = append(e, s...)
	}
	e = binary.AppendUvarint(e, uint64(len(b.outputs)))
	for _, o := range b.outputs {
		str(o.Path)
		str(string(o.Data))
	}
	e = binary.AppendUvarint(e, uint64(len(b.names)))
	for _, name := range slices.Sorted(maps.Keys(b.names)) {
		str(name)
		str(b.names[name])
	}
	sum := cache.Sum(e)
	return append(sum[:], e...)
}

// decodeAssets reads what encode wrote. ok is false for an entry that is
// damaged: the assets are then bundled again.
func decodeAssets(data []byte) (b builtAssets, ok bool) {
	var sum cache.Key
	if len(data) < len(sum) {
		return b, false
	}
	copy(sum[:], data)
	rest := data[len(sum):]
	if cache.Sum(rest) != sum {
		return b, false
	}
	bad := false
	num := func() int {
		n, k := binary.Uvarint(rest)
		if k <= 0 || n > uint64(len(rest)) {
			bad = true
			return 0
		}
		rest = rest[k:]
		return int(n)
	}
	str := func() string {
		n := num()
		if bad || n > len(rest) {
			bad = true
			return ""
		}
		s := string(rest[:n])
		rest = rest[n:]
		return s
	}
	b.names = map[string]string{}
	for range num() {
		p := str()
		b.outputs = append(b.outputs, Output{Path: p, Data: []byte(str())})
	}
	for range num() {
		name := str()
		b.names[name] = str()
	}
	return b, !bad && len(rest) == 0
}

// buildAssets bundles and minifies the front-end sources in layouts/assets
// with esbuild. Every file directly in assets/ is an entry point; files in
// folders below are only reached by imports. Output names carry a content
// hash, so they can be cached forever.
func buildAssets(layouts fs.FS) (builtAssets, error) {
	var entries, static []string
	ents, err := fs.ReadDir(layouts, "assets")
	if err != nil {
		return builtAssets{}, fmt.Errorf("read layouts/assets: %w", err)
	}
	for _, e := range ents {
		ext := path.Ext(e.Name())
		if e.IsDir() || strings.HasPrefix(e.Name(), "_") || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if ext == ".css" || ext == ".js" || (ext == ".ts" && !strings.HasSuffix(e.Name(), ".d.ts")) {
			entries = append(entries, "assets/"+e.Name())
		}
		if staticAsset[ext] {
			static = append(static, "assets/"+e.Name())
		}
	}
	slices.Sort(entries)
	slices.Sort(static)

	chromaCSS, err := highlightCSS()
	if err != nil {
		return builtAssets{}, err
	}
	plugin := api.Plugin{
		Name: "layouts",
		Setup: func(b api.PluginBuild) {
			b.OnResolve(api.OnResolveOptions{Filter: ".*"}, func(args api.OnResolveArgs) (api.OnResolveResult, error) {
				if args.Path == chromaImport {
					return api.OnResolveResult{Path: "chroma.css", Namespace: "generated"}, nil
				}
				if strings.Contains(args.Path, "://") || strings.HasPrefix(args.Path, "data:") {
					return api.OnResolveResult{Path: args.Path, External: true}, nil
				}
				p := args.Path
				if args.Importer != "" && !strings.HasPrefix(p, "/") {
					p = path.Join(path.Dir(args.Importer), p)
				}
				p = strings.TrimPrefix(path.Clean(p), "/")
				if _, err := fs.Stat(layouts, p); err != nil {
					// Allow extensionless imports of TypeScript modules.
					for _, ext := range []string{".ts", ".js"} {
						if _, err := fs.Stat(layouts, p+ext); err == nil {
							p += ext
							break
						}
					}
				}
				return api.OnResolveResult{Path: "/" + p, Namespace: "layouts"}, nil
			})
			b.OnLoad(api.OnLoadOptions{Filter: ".*", Namespace: "generated"}, func(args api.OnLoadArgs) (api.OnLoadResult, error) {
				return api.OnLoadResult{Contents: &chromaCSS, Loader: api.LoaderCSS}, nil
			})
			b.OnLoad(api.OnLoadOptions{Filter: ".*", Namespace: "layouts"}, func(args api.OnLoadArgs) (api.OnLoadResult, error) {
				data, err := fs.ReadFile(layouts, strings.TrimPrefix(args.Path, "/"))
				if err != nil {
					return api.OnLoadResult{}, err
				}
				s := string(data)
				loader := api.LoaderFile
				switch path.Ext(args.Path) {
				case ".css":
					loader = api.LoaderCSS
				case ".js":
					loader = api.LoaderJS
				case ".ts":
					loader = api.LoaderTS
				case ".json":
					loader = api.LoaderJSON
				case ".svg", ".woff2", ".woff", ".png":
					loader = api.LoaderFile
				}
				return api.OnLoadResult{Contents: &s, Loader: loader, ResolveDir: "/" + path.Dir(strings.TrimPrefix(args.Path, "/"))}, nil
			})
		},
	}
	res := api.Build(api.BuildOptions{
		EntryPoints:       entries,
		Bundle:            true,
		Write:             false,
		Outdir:            "/out/assets",
		Outbase:           "/assets",
		EntryNames:        "[name]-[hash]",
		AssetNames:        "[name]-[hash]",
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		Target:            api.ES2020,
		Format:            api.FormatIIFE,
		Charset:           api.CharsetUTF8,
		LegalComments:     api.LegalCommentsNone,
		Metafile:          true,
		LogLevel:          api.LogLevelSilent,
		Plugins:           []api.Plugin{plugin},
	})
	if len(res.Errors) > 0 {
		var b strings.Builder
		for i, m := range res.Errors {
			if i > 0 {
				b.WriteString("\n")
			}
			if m.Location != nil {
				fmt.Fprintf(&b, "layouts%s:%d:%d: %s", m.Location.File, m.Location.Line, m.Location.Column+1, m.Text)
			} else {
				b.WriteString(m.Text)
			}
		}
		return builtAssets{}, fmt.Errorf("bundle assets: %s", b.String())
	}
	out := builtAssets{names: map[string]string{}}
	for _, f := range res.OutputFiles {
		rel := strings.TrimPrefix(f.Path, "/out/")
		out.outputs = append(out.outputs, Output{Path: rel, Data: f.Contents})
	}
	// Map each entry point to its output through the file names: esbuild
	// keeps the entry's base name before the hash.
	for _, e := range entries {
		base := strings.TrimSuffix(path.Base(e), path.Ext(e))
		want := ".js"
		if path.Ext(e) == ".css" {
			want = ".css"
		}
		for _, o := range out.outputs {
			name := path.Base(o.Path)
			if path.Ext(name) == want && strings.HasPrefix(name, base+"-") && !strings.Contains(strings.TrimPrefix(name, base+"-"), "-") {
				out.names[path.Base(e)] = o.Path
			}
		}
	}
	// Images and fonts directly in assets/ are copied as they are, under
	// a name that carries a hash of their content like esbuild's outputs.
	for _, name := range static {
		data, err := fs.ReadFile(layouts, name)
		if err != nil {
			return builtAssets{}, fmt.Errorf("read layouts/%s: %w", name, err)
		}
		sum := sha256.Sum256(data)
		ext := path.Ext(name)
		p := strings.TrimSuffix(name, ext) + "-" + strings.ToUpper(base32.StdEncoding.EncodeToString(sum[:5])) + ext
		out.outputs = append(out.outputs, Output{Path: p, Data: data})
		out.names[path.Base(name)] = p
	}
	return out, nil
}

// staticAsset lists the extensions of files in layouts/assets that are
// copied rather than bundled.
var staticAsset = map[string]bool{".svg": true, ".png": true, ".ico": true, ".webp": true, ".woff2": true}

// highlightCSS generates the code highlighting styles once: the light
// style, and the dark style for readers who prefer dark or chose it.
func highlightCSS() (string, error) {
	f := chromahtml.New(chromahtml.WithClasses(true))
	var light, dark bytes.Buffer
	if err := f.WriteCSS(&light, styleOrFallback(LightStyle)); err != nil {
		return "", fmt.Errorf("highlight styles: %w", err)
	}
	if err := f.WriteCSS(&dark, styleOrFallback(DarkStyle)); err != nil {
		return "", fmt.Errorf("highlight styles: %w", err)
	}
	var b strings.Builder
	b.WriteString(light.String())
	b.WriteString("\n@media (prefers-color-scheme: dark) {\n")
	b.WriteString(prefixRules(dark.String(), ":root:not([data-theme=light]) "))
	b.WriteString("}\n")
	b.WriteString(prefixRules(dark.String(), ":root[data-theme=dark] "))
	return b.String(), nil
}

func styleOrFallback(name string) *chroma.Style {
	if s := styles.Get(name); s != nil {
		return s
	}
	return styles.Fallback
}

// prefixRules puts prefix before every selector of chroma's stylesheet,
// which writes one rule per line.
func prefixRules(css, prefix string) string {
	var b strings.Builder
	for _, line := range strings.Split(css, "\n") {
		t := strings.TrimSpace(line)
		if i := strings.Index(t, "{"); i > 0 && !strings.HasPrefix(t, "@") {
			sels := strings.Split(t[:i], ",")
			for j, s := range sels {
				sels[j] = prefix + strings.TrimSpace(s)
			}
			t = strings.Join(sels, ", ") + " " + t[i:]
		}
		b.WriteString(t)
		b.WriteByte('\n')
	}
	return b.String()
}
