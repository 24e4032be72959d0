package locale

import "sync"

// scoplan patch: an application's own choice of language, on every platform.

var (
	overrideMu sync.RWMutex
	override   []string
)

// SetOverride makes GetLocale and GetLocales report the given IETF BCP 47
// language tags instead of the system's settings, so that an application
// can offer a language setting of its own. SetOverride(nil) returns to the
// system's settings.
func SetOverride(locales []string) {
	overrideMu.Lock()
	defer overrideMu.Unlock()
	override = append([]string(nil), locales...)
}

// overridden returns a copy of the locales set with SetOverride, and
// whether there are any.
func overridden() ([]string, bool) {
	overrideMu.RLock()
	defer overrideMu.RUnlock()
	if len(override) == 0 {
		return nil, false
	}
	return append([]string(nil), override...), true
}
