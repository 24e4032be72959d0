package data

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

var (
	chapterLine = regexp.MustCompile(`^([一二三四五六七八九十]+)、\s*(\S.*)$`)
	sectionLine = regexp.MustCompile(`^（([一二三四五六七八九十]+|[0-9]+)）\s*(\S.*)$`)
	measureLine = regexp.MustCompile(`^([0-9]+)、\s*(\S.*)$`)
)

// headerWords are the column headings of the source's table.
var headerWords = map[string]bool{"合作领域": true, "措施": true, "期限": true, "执行机构": true}

// Parse reads the plan's source text. Lines are trimmed (the source indents
// with tabs and has stray spaces); blank lines carry no meaning. After each
// measure line come its deadline line and its bodies line.
func Parse(text string) (*Plan, error) {
	p := &Plan{byID: map[string]*Measure{}, version: versionOf(text)}
	var lines []string
	var lineNo []int
	for i, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		lines = append(lines, l)
		lineNo = append(lineNo, i+1)
	}
	var (
		chapter    *Chapter
		section    *Section
		titleLines []string
	)
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		switch {
		case chapterLine.MatchString(l):
			m := chapterLine.FindStringSubmatch(l)
			chapter = &Chapter{Num: chineseNumber(m[1]), Title: m[2]}
			if chapter.Num != len(p.Chapters)+1 {
				return nil, fmt.Errorf("line %d: chapter %q is out of order", lineNo[i], l)
			}
			p.Chapters = append(p.Chapters, chapter)
			section = nil
		case sectionLine.MatchString(l):
			if chapter == nil {
				return nil, fmt.Errorf("line %d: section before any chapter", lineNo[i])
			}
			m := sectionLine.FindStringSubmatch(l)
			section = &Section{Chapter: chapter, Num: len(chapter.Sections) + 1, Label: m[1], Title: m[2]}
			if n := chineseNumber(m[1]); n != section.Num {
				return nil, fmt.Errorf("line %d: section %q is out of order", lineNo[i], l)
			}
			chapter.Sections = append(chapter.Sections, section)
		case measureLine.MatchString(l):
			if section == nil {
				return nil, fmt.Errorf("line %d: measure before any section", lineNo[i])
			}
			if i+2 >= len(lines) {
				return nil, fmt.Errorf("line %d: measure without deadline and bodies", lineNo[i])
			}
			m := measureLine.FindStringSubmatch(l)
			num, _ := strconv.Atoi(m[1])
			if num != len(section.Measures)+1 {
				return nil, fmt.Errorf("line %d: measure %d is out of order", lineNo[i], num)
			}
			dl, err := ParseDeadline(lines[i+1])
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", lineNo[i+1], err)
			}
			raw := splitBodies(lines[i+2])
			canon, err := canonicalBodies(raw)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", lineNo[i+2], err)
			}
			ms := &Measure{
				ID:        fmt.Sprintf("%d.%d.%d", chapter.Num, section.Num, num),
				Num:       num,
				Section:   section,
				Text:      strings.TrimSpace(m[2]),
				Deadline:  dl,
				Bodies:    canon,
				RawBodies: raw,
			}
			section.Measures = append(section.Measures, ms)
			p.Measures = append(p.Measures, ms)
			p.byID[ms.ID] = ms
			i += 2
		case chapter == nil:
			if !headerWords[l] {
				titleLines = append(titleLines, l)
			}
		default:
			return nil, fmt.Errorf("line %d: unexpected text %q", lineNo[i], l)
		}
	}
	if len(titleLines) > 0 {
		p.Title = titleLines[len(titleLines)-1]
		p.Approval = strings.Join(titleLines[:len(titleLines)-1], "\n")
	}
	if len(p.Measures) == 0 {
		return nil, fmt.Errorf("the plan has no measures")
	}
	return p, nil
}

func splitBodies(line string) []string {
	var out []string
	for _, b := range strings.Split(line, "、") {
		if b = strings.TrimSpace(b); b != "" {
			out = append(out, b)
		}
	}
	return out
}

// chineseNumber reads 一 … 十九 and ASCII digits; it returns 0 for anything else.
func chineseNumber(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	digits := map[rune]int{'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	r := []rune(s)
	switch {
	case len(r) == 1 && r[0] == '十':
		return 10
	case len(r) == 1:
		return digits[r[0]]
	case len(r) == 2 && r[0] == '十':
		return 10 + digits[r[1]]
	case len(r) == 2 && r[1] == '十':
		return digits[r[0]] * 10
	}
	return 0
}
