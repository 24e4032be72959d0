package report

import "scoplan/data"

// Who is who: a note under Mallory's key that carries Anna's name must not
// read like Anna's. Wherever a report names the author of a status, a note
// or a change, their key's fingerprint follows the name, in the short form
// `scoplan show` prints (data.ShortKey): "Anna Petrova (Russia) [key
// 0123456789abcdef]". The HTML sets it in a quiet monospaced span; the
// XLSX notes sheet has it in a column of its own too.

// keyTag is a key's fingerprint as a report gives it after a name, with
// the word "key" in the report's language; "" for no key.
func keyTag(label func(string) string, key string) string {
	if key == "" {
		return ""
	}
	return "[" + label("key") + " " + data.ShortKey(key) + "]"
}

// withKey is who followed by the key's tag.
func withKey(who, tag string) string {
	if tag == "" {
		return who
	}
	return who + " " + tag
}

// ShortKey is the note author's fingerprint as the report shows it.
func (n NoteRow) ShortKey() string { return data.ShortKey(n.Key) }

// ShortKey is the change author's fingerprint as the report shows it.
func (c ChangeRow) ShortKey() string { return data.ShortKey(c.Key) }
