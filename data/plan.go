// Package data holds the bundled action plan and scoplan's domain model.
//
// It never imports Fyne or bbolt: the plan parser, the deadline rules, the
// body alias table and the change-log semantics (how a log of changes becomes
// the state a user sees, and how logs from several delegates merge) are pure
// Go and can be tested without cgo or a display.
package data

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"sync"
)

//go:embed sco-2030-action-plan.zh.txt
var sourceText string

// PlanID names the plan scoplan bundles. Status files carry it so that a file
// written for another plan is refused.
const PlanID = "sco-economic-development-strategy-2030-action-plan"

// Plan is the parsed action plan: chapters, their sections and measures.
type Plan struct {
	Title    string // the plan's title as in the source
	Approval string // the approval lines above the title
	Chapters []*Chapter
	Measures []*Measure // every measure, in the plan's own order

	byID    map[string]*Measure
	version string
}

// Chapter is one of the plan's three chapters (一、经贸合作 …).
type Chapter struct {
	Num      int
	Title    string
	Sections []*Section
}

// ID is the chapter's number as a string ("1").
func (c *Chapter) ID() string { return fmt.Sprint(c.Num) }

// Section is a numbered section of a chapter (（一）促进贸易关系 …).
type Section struct {
	Chapter  *Chapter
	Num      int
	Label    string // the number as written in the source: "一", or "2" for （2）
	Title    string
	Measures []*Measure
}

// ID is the section's stable ID "C.S".
func (s *Section) ID() string { return fmt.Sprintf("%d.%d", s.Chapter.Num, s.Num) }

// Measure is one measure of the plan with its deadline and responsible bodies.
type Measure struct {
	ID        string // stable "C.S.N"
	Num       int
	Section   *Section
	Text      string   // exactly as in the source, trimmed, without its "N、" prefix
	Deadline  Deadline // the source's words and their interpretation
	Bodies    []string // canonical names, in source order, without duplicates
	RawBodies []string // the names exactly as the source spells them
}

// Chapter returns the chapter the measure belongs to.
func (m *Measure) Chapter() *Chapter { return m.Section.Chapter }

// Measure returns the measure with the given ID, or nil.
func (p *Plan) Measure(id string) *Measure { return p.byID[id] }

// Section returns the section with the given "C.S" ID, or nil.
func (p *Plan) Section(id string) *Section {
	for _, c := range p.Chapters {
		for _, s := range c.Sections {
			if s.ID() == id {
				return s
			}
		}
	}
	return nil
}

// Sections returns every section in plan order.
func (p *Plan) Sections() []*Section {
	var out []*Section
	for _, c := range p.Chapters {
		out = append(out, c.Sections...)
	}
	return out
}

// Version identifies the exact source text (a short SHA-256). Status files
// carry it so a delegate can tell when two installations bundle different texts.
func (p *Plan) Version() string { return p.version }

// Bodies returns the canonical names of all responsible bodies that occur in
// the plan, in order of first appearance, without duplicates.
func (p *Plan) Bodies() []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range p.Measures {
		for _, b := range m.Bodies {
			if !seen[b] {
				seen[b] = true
				out = append(out, b)
			}
		}
	}
	return out
}

// SourceText returns the embedded source text of the plan.
func SourceText() string { return sourceText }

var (
	loadOnce sync.Once
	loaded   *Plan
)

// Load parses the embedded plan once and returns it. The embedded text is
// checked by the tests, so a parse failure here is a build defect and panics.
func Load() *Plan {
	loadOnce.Do(func() {
		p, err := Parse(sourceText)
		if err != nil {
			panic("scoplan: the bundled plan does not parse: " + err.Error())
		}
		loaded = p
	})
	return loaded
}

func versionOf(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:8])
}
