package lang

import (
	"sync"

	"scoplan/data/search/internal/index"
)

// Keys derives the pinyin and Russian stem keys of fields (Keyers) and the
// other form of queries (AltQuery), and remembers what it derived: the
// stemmer is slow, and an engine derives the keys of every field of the
// plan again on every change of a status or a note. A Keys made from
// another (NewKeys(prev)) takes over what prev derived as it is asked for
// it again, and only that, so what a Keys remembers is what its engine's
// documents hold (and the words of the queries typed into it), not every
// note ever written. The keys handed out are shared and must not be
// changed. It is safe for concurrent use.
type Keys struct {
	mu     sync.Mutex
	pinyin map[index.Field][]index.Key
	stems  map[index.Field][]index.Key
	words  map[string]string // Russian word → stem
	prev   *Keys             // what to take over from; nil once Seal is called
}

// NewKeys returns a Keys that takes over what prev (which may be nil)
// derived.
func NewKeys(prev *Keys) *Keys {
	k := &Keys{}
	if prev == nil {
		k.pinyin, k.stems, k.words = map[index.Field][]index.Key{}, map[index.Field][]index.Key{}, map[string]string{}
		return k
	}
	prev.mu.Lock()
	from := prev
	if len(prev.pinyin)+len(prev.stems) == 0 && prev.prev != nil {
		from = prev.prev // prev derived nothing yet: take over what it would have
	}
	prev.mu.Unlock()
	from.mu.Lock()
	k.prev = from
	k.pinyin = make(map[index.Field][]index.Key, len(from.pinyin))
	k.stems = make(map[index.Field][]index.Key, len(from.stems))
	k.words = make(map[string]string, len(from.words))
	from.mu.Unlock()
	return k
}

// Seal lets go of the Keys this one was made from, once everything to take
// over from it has been asked for (its engine's index is built).
func (k *Keys) Seal() {
	k.mu.Lock()
	k.prev = nil
	k.mu.Unlock()
}

// Keyers returns the keyers, in the order their Origin.Keyer numbers them.
func (k *Keys) Keyers() []index.Keyer { return []index.Keyer{k.PinyinKeys, k.RussianStemKeys} }

func (k *Keys) pinyinMap() map[index.Field][]index.Key { return k.pinyin }
func (k *Keys) stemMap() map[index.Field][]index.Key   { return k.stems }
func (k *Keys) wordMap() map[string]string             { return k.words }

// stem returns the stem of a lower-case Russian word.
func (k *Keys) stem(w string) string { return remember(k, (*Keys).wordMap, w, stemWord) }

// remember returns the value of key in the map m gives of k, taking it over
// from k.prev or deriving it when k has none.
func remember[K comparable, V any](k *Keys, m func(*Keys) map[K]V, key K, derive func(K) V) V {
	k.mu.Lock()
	v, ok := m(k)[key]
	prev := k.prev
	k.mu.Unlock()
	if ok {
		return v
	}
	if prev != nil {
		prev.mu.Lock()
		v, ok = m(prev)[key]
		prev.mu.Unlock()
	}
	if !ok {
		v = derive(key)
	}
	k.mu.Lock()
	m(k)[key] = v
	k.mu.Unlock()
	return v
}
