package main

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"
)

func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("version", `Print the version of handbook: the module version it was installed at
("(devel)" when built from a checkout), and the commit, its time and
whether the tree had uncommitted changes, when the build recorded them.
CI logs can then say which version built a site.`, stdout, stderr)
	if code := parseFlags(fs, args, stdout); code >= 0 {
		return code
	}
	info, _ := debug.ReadBuildInfo()
	fmt.Fprintln(stdout, versionLine(info))
	return exitOK
}

// versionLine describes a build: "handbook v1.2.3 (go1.26.8)" when
// installed with go install ...@v1.2.3, "handbook (devel) (abc1234,
// 2026-12-01, modified, go1.26.8)" when built in a checkout. A nil info
// (a binary built without module support) gives "handbook (unknown)".
func versionLine(info *debug.BuildInfo) string {
	if info == nil {
		return "handbook (unknown)"
	}
	version := info.Main.Version
	if version == "" {
		version = "(devel)"
	}
	var details []string
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	if rev := settings["vcs.revision"]; rev != "" {
		details = append(details, rev[:min(len(rev), 7)])
	}
	if t := settings["vcs.time"]; t != "" {
		// The day is enough to tell builds apart in a log; RFC 3339
		// starts with it.
		details = append(details, t[:min(len(t), len("2006-01-02"))])
	}
	if settings["vcs.modified"] == "true" {
		details = append(details, "modified")
	}
	if info.GoVersion != "" {
		details = append(details, info.GoVersion)
	}
	if len(details) == 0 {
		return "handbook " + version
	}
	return "handbook " + version + " (" + strings.Join(details, ", ") + ")"
}

// installVersion is the version for "go install ...@VERSION" that
// reinstalls this very binary, or "" when it was built from a checkout
// (a "(devel)" build) and no version names it.
func installVersion(info *debug.BuildInfo) string {
	if info == nil || info.Main.Version == "" || info.Main.Version == "(devel)" {
		return ""
	}
	return info.Main.Version
}
