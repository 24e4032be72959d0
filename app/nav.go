package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"scoplan/widgets"
)

// nodeAll is the navigation's node for the whole plan.
const nodeAll = "all"

// navigation is the tree of chapters and sections. Each node shows how many
// measures it holds (of those the search and filters let through) and a
// meter of the share done; selecting a node narrows the list to it.
type navigation struct {
	se        *session
	onSection func(scope string) // a node was selected ("" for the whole plan)
	onEscape  func()
	tree      *widgets.Tree
	counts    map[string][3]int // per scope: matching, total, done; computed once per sync
}

func progressOf(se *session, scope string) [3]int {
	m, t, d := se.progress(scope)
	return [3]int{m, t, d}
}

func newNavigation(se *session, onSection func(scope string), onEscape func()) *navigation {
	return &navigation{se: se, onSection: onSection, onEscape: onEscape}
}

func (n *navigation) build() fyne.CanvasObject {
	plan := n.se.plan
	t := &widgets.Tree{}
	t.ChildUIDs = func(id widget.TreeNodeID) []widget.TreeNodeID {
		switch {
		case id == "":
			ids := []string{nodeAll}
			for _, c := range plan.Chapters {
				ids = append(ids, c.ID())
			}
			return ids
		case id != nodeAll && !strings.Contains(id, "."):
			for _, c := range plan.Chapters {
				if c.ID() == id {
					var ids []string
					for _, s := range c.Sections {
						ids = append(ids, s.ID())
					}
					return ids
				}
			}
		}
		return nil
	}
	t.IsBranch = func(id widget.TreeNodeID) bool {
		return id == "" || (id != nodeAll && !strings.Contains(id, "."))
	}
	t.CreateNode = func(bool) fyne.CanvasObject {
		title := widget.NewLabel("")
		title.Wrapping = fyne.TextWrapWord
		title.Truncation = fyne.TextTruncateEllipsis
		count := newDim("")
		meter := widgets.NewMeter(0)
		return container.New(navNode{}, title, count, meter)
	}
	t.UpdateNode = n.updateNode
	t.OnSelected = n.onSelected
	t.OnEscape = n.onEscape
	t.ExtendBaseWidget(t)
	n.tree = t
	// Chapters start closed, except the one holding the section shown, so
	// that the whole plan fits at a glance; arrows or a click open them.
	if sec := plan.Section(n.se.query.Filter.Section); sec != nil {
		t.OpenBranch(sec.Chapter.ID())
	}
	n.sync()
	return t
}

// title names a node.
func (n *navigation) title(id string) string {
	plan := n.se.plan
	if id == nodeAll {
		return lang.L("All measures")
	}
	if s := plan.Section(id); s != nil {
		return fmt.Sprintf("%s %s", s.ID(), planText.Section(s))
	}
	for _, c := range plan.Chapters {
		if c.ID() == id {
			return fmt.Sprintf("%s. %s", c.ID(), planText.Chapter(c))
		}
	}
	return id
}

func (n *navigation) updateNode(id widget.TreeNodeID, _ bool, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	title := box.Objects[0].(*widget.Label)
	count := box.Objects[1].(*widget.RichText)
	meter := box.Objects[2].(*widgets.Meter)

	scope := id
	if id == nodeAll {
		scope = ""
	}
	p, ok := n.counts[scope]
	if !ok {
		p = progressOf(n.se, scope)
	}
	matching, total, done := p[0], p[1], p[2]
	bold := id == nodeAll || !strings.Contains(id, ".")
	if t := n.title(id); title.Text != t || title.TextStyle.Bold != bold {
		title.Text, title.TextStyle.Bold = t, bold
		title.Refresh()
	}
	if matching == total {
		setDim(count, fmt.Sprint(total))
	} else {
		setDim(count, fmt.Sprintf("%d/%d", matching, total))
	}
	if total > 0 {
		meter.SetValue(float64(done) / float64(total))
	} else {
		meter.SetValue(0)
	}
}

// onSelected narrows the list to the node; sync selecting the node of the
// query's own section changes nothing.
func (n *navigation) onSelected(id widget.TreeNodeID) {
	scope := id
	if id == nodeAll {
		scope = ""
	}
	n.onSection(scope)
}

// sync selects the node of the query's section and redraws the counts.
func (n *navigation) sync() {
	id := n.se.query.Filter.Section
	if id == "" {
		id = nodeAll
	}
	n.counts = map[string][3]int{}
	for _, c := range n.se.plan.Chapters {
		n.counts[c.ID()] = progressOf(n.se, c.ID())
		for _, s := range c.Sections {
			n.counts[s.ID()] = progressOf(n.se, s.ID())
		}
	}
	n.counts[""] = progressOf(n.se, "")
	n.tree.Select(id)
	n.tree.Refresh()
}
