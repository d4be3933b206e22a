package site_test

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/handbook/handbook/generator/content"
	"github.com/handbook/handbook/generator/diag"
	"github.com/handbook/handbook/generator/site"
)

// build loads a site written as a txtar archive (file names relative to
// the content folder) and links it as of now. Any error fails the test;
// warnings are returned.
func build(t *testing.T, archive string, now time.Time) (*site.Site, diag.List) {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, f := range txtar.Parse([]byte(archive)).Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	res, diags := content.Load(fsys, content.Options{})
	s, more := site.New(res.Content, site.Options{Now: now})
	diags.Append(more)
	diags = diags.Sort()
	if err := diags.Err(); err != nil {
		t.Fatalf("site has errors:\n%v", err)
	}
	return s, diags
}

// at parses "2006-01-02 15:04" in the named zone.
func at(t *testing.T, zone, s string) time.Time {
	t.Helper()
	loc, err := time.LoadLocation(zone)
	if err != nil {
		t.Fatal(err)
	}
	layout := "2006-01-02 15:04"
	if !strings.Contains(s, " ") {
		layout = "2006-01-02"
	}
	v, err := time.ParseInLocation(layout, s, loc)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
