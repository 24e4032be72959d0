package app

import (
	"fyne.io/fyne/v2/lang"

	"scoplan/data"
	"scoplan/storage"
)

// Format 2 (docs/FORMAT.md): an import refuses, by name, a change that
// cannot be verified as its author's (a forged name, a reused or altered
// ID, a broken feed) with what depends on it, and imports the rest of the
// file. The window says which changes were refused and why, and which keys
// wrote two histories (forks), in the preview and the summary: nothing is
// dropped silently.

// refusalLine says which change of a file was refused, and why.
func refusalLine(x storage.Refusal) string {
	what := changeKindLabel(x.Kind)
	if x.Measure != "" {
		what = lang.L("{{.What}} on {{.Measure}}", map[string]any{"What": what, "Measure": x.Measure})
	}
	var why string
	switch x.Why {
	case storage.WhyAlteredID:
		why = lang.L("its ID is not the hash of its content: the change was altered, or its ID reused")
	case storage.WhyReusedID:
		why = lang.L("your data file, or an earlier file, holds other content under its ID")
	case storage.WhyUnknownKey:
		why = lang.L("the public key of its author is neither in the file nor in your data file")
	case storage.WhySignature, storage.WhyUnsigned:
		why = lang.L("it is not signed by its author's key: someone else wrote it in that name")
	case storage.WhyBrokenFeed:
		why = lang.L("the author's change before it is missing or not theirs")
	case storage.WhyDepends:
		why = lang.L("it depends on a change that was refused")
	default:
		why = lang.L("it could not be verified")
	}
	return lang.L("Refused: {{.What}}, said to be by {{.Who}}: {{.Why}}.", map[string]any{
		"What": what, "Who": whoWithKey(x.Name, "", x.Author), "Why": why})
}

// displacedLine says that n signed changes of a file take the place of
// unsigned changes that had copied their IDs (a squatter, which would
// otherwise keep the author's changes out).
func displacedLine(n int) string {
	return plural("import.displaced", "{{.Count}} unsigned change that held the ID of a signed change of this file is replaced by it, verified as its author's.",
		"{{.Count}} unsigned changes that held the IDs of signed changes of this file are replaced by them, verified as their authors'.", n)
}

// droppedLine says that n changes of the data file are removed because
// they depended on a replaced unsigned change: they cannot follow the
// signed one, or edit the note it replaced.
func droppedLine(n int) string {
	return plural("import.dropped", "{{.Count}} change of your data file that depended on a replaced unsigned change is removed: it was written about what that change said.",
		"{{.Count}} changes of your data file that depended on replaced unsigned changes are removed: they were written about what those changes said.", n)
}

// forkLine says that a key wrote two histories.
func forkLine(k storage.Fork) string {
	return lang.L("{{.Who}} wrote two different changes as their change number {{.Seq}}: one data file was used on two computers. Both are kept.",
		map[string]any{"Who": whoWithKey(k.Name, "", k.Key), "Seq": k.Seq})
}

// changeKindLabel names a kind of change.
func changeKindLabel(k data.ChangeKind) string {
	switch k {
	case data.ChangeStatus:
		return lang.L("a status")
	case data.ChangeNoteAdd:
		return lang.L("a new note")
	case data.ChangeNoteEdit:
		return lang.L("a note edit")
	case data.ChangeNoteDelete:
		return lang.L("a note deletion")
	case data.ChangeMeeting:
		return lang.L("a meeting")
	}
	return visible(string(k))
}

// refusedText says how many changes the import refuses, and that the rest
// is imported; empty when it refuses none.
func refusedText(s storage.Summary) string {
	if s.RefusedChanges == 0 {
		return ""
	}
	return plural("import.refused", "{{.Count}} change refused (listed above); every other change is imported.",
		"{{.Count}} changes refused (listed above); every other change is imported.", s.RefusedChanges)
}
