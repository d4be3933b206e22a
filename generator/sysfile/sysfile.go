// Package sysfile reads and writes whole files with as few system calls
// as it can.
//
// A build reads every content file and writes every page: tens of
// thousands of files. On Linux, os.Open and os.Create make six system
// calls before the first byte moves (the open, then four fcntl calls and
// an epoll_ctl that fails, as the runtime tries each new file in its
// network poller), and os.ReadFile two more (a stat, and a read that
// finds the end). ReadFile, ReadAt and WriteFile make three: open, read
// or write, close. Elsewhere they use package os.
package sysfile
