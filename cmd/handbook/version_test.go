package main

import (
	"regexp"
	"runtime/debug"
	"testing"
)

func TestVersionLine(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		info *debug.BuildInfo
		want string
	}{
		{nil, "handbook (unknown)"},
		{&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "github.com/handbook/handbook", Version: "v1.2.3"}},
			"handbook v1.2.3 (go1.26.8)"},
		{&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs", Value: "git"},
			{Key: "vcs.revision", Value: "abc1234def5678abc1234def5678abc1234def56"},
			{Key: "vcs.time", Value: "2026-12-01T10:20:30Z"},
			{Key: "vcs.modified", Value: "true"},
		}}, "handbook (devel) (abc1234, 2026-12-01, modified, go1.26.8)"},
		{&debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261201102030-abc1234def56"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "abc1234def5678"},
			{Key: "vcs.modified", Value: "false"},
		}}, "handbook v0.0.0-20261201102030-abc1234def56 (abc1234)"},
		{&debug.BuildInfo{}, "handbook (devel)"},
	} {
		if got := versionLine(tc.info); got != tc.want {
			t.Errorf("versionLine(%+v) = %q, want %q", tc.info, got, tc.want)
		}
	}
}

func TestInstallVersion(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		version, want string
	}{{"v1.2.3", "v1.2.3"}, {"(devel)", ""}, {"", ""}} {
		if got := installVersion(&debug.BuildInfo{Main: debug.Module{Version: tc.version}}); got != tc.want {
			t.Errorf("installVersion(%q) = %q, want %q", tc.version, got, tc.want)
		}
	}
}

// TestVersion runs "handbook version" and "handbook --version": a test
// binary's build info has no module version, so it says (devel).
func TestVersion(t *testing.T) {
	t.Parallel()
	want := regexp.MustCompile(`^handbook (\(devel\)|v\S+)( \(.*go1\.\d+.*\))?\n$`)
	for _, args := range [][]string{{"version"}, {"--version"}, {"-version"}} {
		code, out, errOut := runCmd(t, args...)
		if code != 0 || !want.MatchString(out) || errOut != "" {
			t.Errorf("handbook %v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
	if code, _, _ := runCmd(t, "version", "extra"); code != exitUsage {
		t.Errorf("handbook version extra: exit %d, want %d", code, exitUsage)
	}
}
