//go:build !windows && !darwin

package app

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// A name longer than a grid cell of Fyne's file dialog (80 px).
const longName = "scoplan-Kazakhstan-Ivanov-2026-12-04.scoplan-status"

// openFileDialog shows the save dialog over a window of the given size,
// in a home folder holding a Documents folder and a long-named file, and
// returns the dialog's pop-up.
func openFileDialog(t *testing.T, size fyne.Size, title string) fyne.CanvasObject {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme(theme.DefaultTheme()))
	home := t.TempDir()
	t.Setenv("HOME", home)
	if err := os.Mkdir(filepath.Join(home, "Documents"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(home, longName), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	win := test.NewTempWindow(t, widget.NewLabel("scoplan"))
	win.Resize(size)
	chooseSave(win, fileChoice{title: title, name: "report.csv", exts: []string{".csv"}},
		func(string) {}, func(err error) { t.Error(err) })
	pop := win.Canvas().Overlays().Top()
	if pop == nil {
		t.Fatal("no file dialog shown")
	}
	return pop
}

// labelText finds the label showing text in the dialog.
func labelText(t *testing.T, pop fyne.CanvasObject, text string) *widget.Label {
	t.Helper()
	for _, o := range test.LaidOutObjects(pop) {
		if l, ok := o.(*widget.Label); ok && l.Text == text {
			return l
		}
	}
	t.Fatalf("no label %q in the file dialog", text)
	return nil
}

func TestFileDialogFillsMostOfTheWindow(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1024, Height: 700}, {Width: 1400, Height: 900}} {
		pop := openFileDialog(t, size, "Save a report")
		got := pop.(*widget.PopUp).Content.Size()
		if got.Width < size.Width*0.85 || got.Height < size.Height*0.85 {
			t.Errorf("window %v: file dialog is %v, want at least 85%% of the window", size, got)
		}
	}
}

// The names of files and folders show whole, on one line: the grid view
// broke "Documents" into "Documen" and "ts".
func TestFileDialogShowsWholeNames(t *testing.T) {
	pop := openFileDialog(t, fyne.NewSize(1024, 700), "Save a report")
	for _, name := range []string{"Documents", longName} {
		l := labelText(t, pop, name)
		need := fyne.MeasureText(name, theme.TextSize(), l.TextStyle).Width + 2*theme.InnerPadding()
		if l.Size().Width < need {
			t.Errorf("%q has %.0f px, needs %.0f: it is cut", name, l.Size().Width, need)
		}
		if lines := l.MinSize().Height; lines > 1.5*fyne.MeasureText(name, theme.TextSize(), l.TextStyle).Height+2*theme.InnerPadding() {
			t.Errorf("%q wraps onto more than one line (min height %.0f)", name, lines)
		}
	}
}

// The dialog speaks the language chosen in scoplan: its title is the
// caller's (translated) text, its buttons come from Fyne's translations.
func TestFileDialogInTheChosenLanguage(t *testing.T) {
	inLanguage(t, "ru")
	pop := openFileDialog(t, fyne.NewSize(1400, 900), "Сохранить отчёт")
	labelText(t, pop, "Сохранить отчёт")
	var buttons []string
	for _, o := range test.LaidOutObjects(pop) {
		if b, ok := o.(*widget.Button); ok && b.Text != "" {
			buttons = append(buttons, b.Text)
		}
	}
	for _, want := range []string{"Сохранить", "Отмена"} {
		found := false
		for _, b := range buttons {
			found = found || b == want
		}
		if !found {
			t.Errorf("no %q button; the dialog's buttons are %q", want, buttons)
		}
	}
}

// Fyne writes its places in English; scoplan translates them, and the list
// is wide enough for the longest.
func TestFileDialogPlacesInTheChosenLanguage(t *testing.T) {
	for _, c := range []struct {
		lang   string
		places []string
	}{
		{"ru", []string{"Домашняя папка", "Компьютер"}},
		{"zh", []string{"主目录", "计算机"}},
		{"en", []string{"Home", "Computer"}},
	} {
		t.Run(c.lang, func(t *testing.T) {
			inLanguage(t, c.lang)
			pop := openFileDialog(t, fyne.NewSize(1024, 700), "scoplan")
			for _, name := range c.places {
				l := labelText(t, pop, name)
				need := fyne.MeasureText(name, theme.TextSize(), l.TextStyle).Width + 2*theme.InnerPadding()
				if w := visibleWidth(t, pop, l); w < need {
					t.Errorf("place %q has %.0f px in view, needs %.0f: it is cut", name, w, need)
				}
			}
		})
	}
}

// visibleWidth is how much of l the places list shows: the list is the
// leading side of the dialog's split and clips its rows.
func visibleWidth(t *testing.T, pop fyne.CanvasObject, l *widget.Label) float32 {
	t.Helper()
	for _, o := range test.LaidOutObjects(pop) {
		if split, ok := o.(*container.Split); ok {
			return fyne.Min(l.Size().Width, split.Leading.Size().Width-l.Position().X)
		}
	}
	t.Fatal("no split in the file dialog")
	return 0
}
