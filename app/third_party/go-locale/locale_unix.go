//go:build !windows && !darwin && !js && !android

package locale

import (
	"os"
	"strings"

	"golang.org/x/text/language"
)

// isCLocale reports whether a locale names the C (POSIX) locale, with or
// without an encoding or modifier: "C", "POSIX", "C.UTF-8", "C.utf8",
// "POSIX@x". scoplan patch: upstream only recognised exactly "C" and "POSIX",
// so "C.UTF-8" (the default of many containers and CI machines) came out as
// the language tag "C", which nothing can parse.
func isCLocale(locale string) bool {
	name, _, _ := strings.Cut(locale, ".")
	name, _, _ = strings.Cut(name, "@")
	return name == "C" || name == "POSIX"
}

// knownTag reports whether a "language-REGION" tag is one that
// golang.org/x/text/language can parse. scoplan patch: unknown or malformed
// settings ("xx_XX", "klingon") are dropped here instead of being handed on
// as tags that every caller would then fail to parse.
func knownTag(tag string) bool {
	_, err := language.Parse(tag)
	return err == nil
}

func splitLocales(locales string) []string {
	// If the user set different locales, they might be set in $LANGUAGE,
	// separated by a colon
	return strings.Split(locales, ":")
}

func getLangFromEnv() string {
	locale := ""

	// Check the following environment variables for the language information
	// See https://www.gnu.org/software/gettext/manual/html_node/Locale-Environment-Variables.html
	for _, env := range [...]string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		locale = os.Getenv(env)
		if len(locale) > 0 {
			break
		}
	}

	if isCLocale(locale) {
		return locale
	}

	// Check LANGUAGE if localization is enabled (not set to "C")
	// See https://www.gnu.org/software/gettext/manual/html_node/The-LANGUAGE-variable.html#The-LANGUAGE-variable
	languages := os.Getenv("LANGUAGE")
	if len(languages) > 0 {
		return languages
	}

	return locale
}

func getUnixLocales() []string {
	locale := getLangFromEnv()
	if isCLocale(locale) || len(locale) == 0 {
		return nil
	}

	// scoplan patch: keep only the entries that make a known tag, so that
	// callers never see "C" or an unknown language; with none left the
	// system has no usable locale, as for "C".
	var locales []string
	for _, l := range splitLocales(locale) {
		if isCLocale(l) {
			continue
		}
		lang, region := splitLocale(l)
		tag := lang
		if len(region) > 0 {
			tag = lang + "-" + region
		}
		if knownTag(tag) {
			locales = append(locales, l)
		}
	}

	return locales
}

// GetLocale retrieves the IETF BCP 47 language tag set on the system.
func GetLocale() (string, error) {
	if o, ok := overridden(); ok { // scoplan patch
		return o[0], nil
	}
	unixLocales := getUnixLocales()
	if unixLocales == nil {
		return "", nil
	}

	language, region := splitLocale(unixLocales[0])
	locale := language
	if len(region) > 0 {
		locale = strings.Join([]string{language, region}, "-")
	}

	return locale, nil
}

// GetLocales retrieves the IETF BCP 47 language tags set on the system.
func GetLocales() ([]string, error) {
	if o, ok := overridden(); ok { // scoplan patch
		return o, nil
	}
	unixLocales := getUnixLocales()
	if unixLocales == nil {
		return nil, nil
	}

	locales := make([]string, 0, len(unixLocales))

	for _, unixLocale := range unixLocales {
		language, region := splitLocale(unixLocale)
		locale := language
		if len(region) > 0 {
			locale = strings.Join([]string{language, region}, "-")
		}
		locales = append(locales, locale)
	}

	return locales, nil
}

// GetLanguage retrieves the IETF BCP 47 language tag set on the system and
// returns the language part of the tag.
func GetLanguage() (string, error) {
	language := ""

	unixLocales := getUnixLocales()
	if unixLocales == nil {
		return "", nil
	}

	language, _ = splitLocale(unixLocales[0])

	return language, nil
}

// GetRegion retrieves the IETF BCP 47 language tag set on the system and
// returns the region part of the tag.
func GetRegion() (string, error) {
	region := ""

	unixLocales := getUnixLocales()
	if unixLocales == nil {
		return "", nil
	}

	_, region = splitLocale(unixLocales[0])

	return region, nil
}
