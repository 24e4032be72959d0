package app

import (
	"errors"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"scoplan/storage"
)

// draftDelay is how long after the last keystroke a draft is written: short
// enough that a crash loses at most a few keystrokes, long enough that
// typing does not write the data file at every key.
const draftDelay = 400 * time.Millisecond

// noteDrafts writes the text of the note editor to the data file as the
// user types (debounced), so that a note being written survives Escape,
// closing the window and a crash. It is used from the UI goroutine; the
// delayed write runs on a timer's goroutine, which only touches the store.
type noteDrafts struct {
	store   *storage.Store
	onError func(error) // called on the UI goroutine

	mu      sync.Mutex
	timer   *time.Timer
	pending *draftWrite // the latest change not yet written
}

type draftWrite struct {
	measure, note, text string
	remove              bool // the text is back to what the editor opened with
}

// changed records the editor's text for the note (note "" for a new one);
// text equal to original removes the draft instead.
func (k *noteDrafts) changed(measure, note, text, original string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.pending = &draftWrite{measure: measure, note: note, text: text, remove: text == original}
	if k.timer == nil {
		k.timer = time.AfterFunc(draftDelay, func() { k.write(true) })
	} else {
		k.timer.Reset(draftDelay)
	}
}

// flush writes the pending change now.
func (k *noteDrafts) flush() {
	k.mu.Lock()
	if k.timer != nil {
		k.timer.Stop()
	}
	k.mu.Unlock()
	k.write(false)
}

// discard forgets the pending change and removes the note's draft.
func (k *noteDrafts) discard(measure, note string) {
	k.mu.Lock()
	if k.timer != nil {
		k.timer.Stop()
	}
	k.pending = nil
	k.mu.Unlock()
	k.report(k.store.DiscardDraft(measure, note), false)
}

func (k *noteDrafts) write(fromTimer bool) {
	k.mu.Lock()
	w := k.pending
	k.pending = nil
	if w == nil {
		k.mu.Unlock()
		return
	}
	var err error
	if w.remove {
		err = k.store.DiscardDraft(w.measure, w.note)
	} else {
		err = k.store.SaveDraft(w.measure, w.note, w.text)
	}
	k.mu.Unlock()
	k.report(err, fromTimer)
}

func (k *noteDrafts) report(err error, fromTimer bool) {
	if err == nil || errors.Is(err, storage.ErrClosed) || k.onError == nil {
		return
	}
	if fromTimer {
		fyne.Do(func() { k.onError(err) })
	} else {
		k.onError(err)
	}
}
