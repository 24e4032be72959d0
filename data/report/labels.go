package report

import (
	_ "embed"
	"encoding/json"

	"scoplan/data"
)

// labelsJSON holds the report's own words (column heads, sheet names,
// "yes") in Chinese and Russian, keyed by the English word, so that the
// command line, which has no Fyne, writes reports in any of the plan's
// languages. The GUI can pass lang.L instead.
//
//go:embed labels.json
var labelsJSON []byte

// labels are the words of labelsJSON by language; the tests check that
// every word the formats use is there.
var labels = func() map[data.Lang]map[string]string {
	var raw map[data.Lang]map[string]string
	if err := json.Unmarshal(labelsJSON, &raw); err != nil {
		panic("scoplan: report labels: " + err.Error())
	}
	return raw
}()

// Labels returns an Options.Label for a language: the report's words in
// that language, in English for English (or a word it lacks).
func Labels(l data.Lang) func(english string) string {
	words := labels[l]
	return func(english string) string {
		if s, ok := words[english]; ok && s != "" {
			return s
		}
		return english
	}
}
