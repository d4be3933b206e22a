package search

// SectionCount is how many sections the vocabulary has.
const SectionCount = sectionCount
