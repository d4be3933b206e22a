package search

import "github.com/handbook/handbook/generator/site"

// BuildKeeping is Build keeping at most keep bytes of the analysis
// cache's entries in memory: with 0, every section is read back from the
// cache.
func BuildKeeping(s *site.Site, opts Options, keep int64) (*Index, error) {
	return build(s, opts, keep)
}

// SectionCount is how many sections the vocabulary has.
const SectionCount = sectionCount
