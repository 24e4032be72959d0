package firstframe

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// A release build of scoplan holds no profiling code: runtime/pprof comes in
// only with -tags profile (profile.go), never through this package's twin
// without it (profile_off.go).
func TestReleaseBuildHasNoProfiler(t *testing.T) {
	deps := func(tags ...string) []string {
		args := append([]string{"list"}, tags...)
		out, err := exec.Command("go", append(args, "-deps", "scoplan")...).Output()
		if err != nil {
			t.Fatalf("go list %v: %v", tags, err)
		}
		return strings.Fields(string(out))
	}
	release := deps()
	if !slices.Contains(release, "scoplan/bench/firstframe") {
		t.Fatal("scoplan no longer imports bench/firstframe: this test checks nothing")
	}
	if slices.Contains(release, "runtime/pprof") {
		t.Error("a release build of scoplan imports runtime/pprof")
	}
	if !slices.Contains(deps("-tags", "profile"), "runtime/pprof") {
		t.Error("a build with -tags profile does not import runtime/pprof: the profiles are gone")
	}
}
