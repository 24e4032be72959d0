//go:build !unix

package firstframe

// cpuTime is not measured on this system.
func cpuTime() int64 { return -1 }
