//go:build !profile

package firstframe

// ProfileEnv names the prefix of the profiles' files; a binary built
// without -tags profile ignores it.
const ProfileEnv = "SCOPLAN_BENCH_PROFILE"

// stopCPUProfile does nothing: this build has no profiling (see profile.go).
func stopCPUProfile() {}

// writeHeapProfile does nothing: this build has no profiling (see profile.go).
func writeHeapProfile() {}
