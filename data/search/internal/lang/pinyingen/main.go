// Command pinyingen writes data/search/internal/lang/pinyin.bin, the table of each Han
// character's first reading in plain letters that the search's pinyin keys
// use, from github.com/mozillazg/go-pinyin's dictionary. go-pinyin builds its
// 41,000-entry map when a program starts (14 ms and 1.7 MB at every start of
// scoplan, the window included); the table is read in place from the
// binary instead, with nothing done at start-up.
//
//	go generate ./data/search/internal/lang   # after upgrading go-pinyin
//
// The format (all integers big-endian): the number of syllables (2 bytes),
// each syllable as its length (1 byte) and its letters, then for every
// character with a reading, in increasing order, the character (3 bytes)
// and its syllable's index (2 bytes). data/search/internal/lang's TestPinyinTableEqualsGoPinyin checks
// every character against go-pinyin.
package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"sort"

	"github.com/mozillazg/go-pinyin"
)

func main() {
	out := "pinyin.bin"
	if len(os.Args) > 1 {
		out = os.Args[1]
	}
	if err := os.WriteFile(out, table(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "pinyingen:", err)
		os.Exit(1)
	}
}

func table() []byte {
	args := pinyin.NewArgs() // plain letters, ü as v, the first reading
	var runes []rune
	for r := range pinyin.PinyinDict {
		runes = append(runes, rune(r))
	}
	sort.Slice(runes, func(i, j int) bool { return runes[i] < runes[j] })
	index := map[string]int{}
	var syllables []string
	type entry struct {
		r   rune
		syl int
	}
	var entries []entry
	for _, r := range runes {
		ps := pinyin.SinglePinyin(r, args)
		if len(ps) == 0 || ps[0] == "" {
			continue
		}
		p := ps[0]
		i, ok := index[p]
		if !ok {
			i = len(syllables)
			index[p] = i
			syllables = append(syllables, p)
		}
		entries = append(entries, entry{r, i})
	}
	if len(syllables) > 0xffff || runes[len(runes)-1] > 0xffffff {
		panic("pinyingen: the table's format is too small for this dictionary")
	}
	var b bytes.Buffer
	b.Write(binary.BigEndian.AppendUint16(nil, uint16(len(syllables))))
	for _, s := range syllables {
		if len(s) > 255 {
			panic("pinyingen: syllable too long: " + s)
		}
		b.WriteByte(byte(len(s)))
		b.WriteString(s)
	}
	for _, e := range entries {
		b.Write([]byte{byte(e.r >> 16), byte(e.r >> 8), byte(e.r)})
		b.Write(binary.BigEndian.AppendUint16(nil, uint16(e.syl)))
	}
	return b.Bytes()
}
