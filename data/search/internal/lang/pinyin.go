package lang

import (
	_ "embed"
	"sync"
)

//go:generate go run ./pinyingen pinyin.bin

// pinyinTable holds each Han character's first reading in plain letters,
// written by internal/pinyingen from go-pinyin's dictionary (its format is
// described there). Being a string, it stays in the binary's read-only data
// and costs nothing until a pinyin key is first derived; go-pinyin itself
// would build its 41,000-entry map at every start.
//
//go:embed pinyin.bin
var pinyinTable string

// pinyinEntrySize is the size of a character's entry: 3 bytes of
// character, 2 of syllable index.
const pinyinEntrySize = 5

var (
	pinyinOnce      sync.Once
	pinyinSyllables []string // substrings of pinyinTable
	pinyinEntries   string   // the entries, sorted by character
)

func loadPinyinTable() {
	t := pinyinTable
	n := int(t[0])<<8 | int(t[1])
	t = t[2:]
	pinyinSyllables = make([]string, n)
	for i := range pinyinSyllables {
		l := int(t[0])
		pinyinSyllables[i] = t[1 : 1+l]
		t = t[1+l:]
	}
	if len(t)%pinyinEntrySize != 0 {
		panic("search: pinyin.bin is damaged; run go generate ./data/search/internal/lang")
	}
	pinyinEntries = t
}

// readingOf returns the first reading of a Han character in plain letters
// (ü written v), as go-pinyin gives it, or "" when it has none.
func readingOf(r rune) string {
	pinyinOnce.Do(loadPinyinTable)
	e := pinyinEntries
	lo, hi := 0, len(e)/pinyinEntrySize
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		o := mid * pinyinEntrySize
		c := rune(e[o])<<16 | rune(e[o+1])<<8 | rune(e[o+2])
		switch {
		case c < r:
			lo = mid + 1
		case c > r:
			hi = mid
		default:
			return pinyinSyllables[int(e[o+3])<<8|int(e[o+4])]
		}
	}
	return ""
}
