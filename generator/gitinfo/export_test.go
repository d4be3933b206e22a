package gitinfo

// LogsRead returns how many histories have been read from git, whole or
// in part.
func LogsRead() int64 { return logsRead.Load() }
