//go:build unix

package firstframe

import "syscall"

// cpuTime is the CPU time the process has used so far (user and system,
// all threads), in milliseconds.
func cpuTime() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return -1
	}
	return (ru.Utime.Nano() + ru.Stime.Nano()) / 1e6
}
