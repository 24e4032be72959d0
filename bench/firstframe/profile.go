//go:build profile

package firstframe

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

// ProfileEnv names the prefix of the profiles' files.
const ProfileEnv = "SCOPLAN_BENCH_PROFILE"

var profile = os.Getenv(ProfileEnv)

func init() {
	if os.Getenv(Env) == "" || profile == "" {
		return
	}
	f, err := os.Create(profile + ".cpu.pprof")
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "firstframe: no CPU profile:", err)
		profile = ""
	}
}

// stopCPUProfile ends the CPU profile, if one runs.
func stopCPUProfile() {
	if profile != "" {
		pprof.StopCPUProfile()
	}
}

// writeHeapProfile writes the heap profile, if profiles were asked for.
func writeHeapProfile() {
	if profile == "" {
		return
	}
	runtime.GC() // the heap profile shows the state as of the last collection
	f, err := os.Create(profile + ".heap.pprof")
	if err == nil {
		err = pprof.Lookup("heap").WriteTo(f, 0)
		f.Close()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "firstframe: no heap profile:", err)
	}
}
