package data

import "testing"

func TestNameSkeleton(t *testing.T) {
	same := [][]string{
		{"Anna Petrova", "Аnna Petrova", "Anna Pеtrova", "An\u200bna Petrova", "Anna  Petrova", "ANNA PETROVA", "Anna\u202e Petrova", "Ａｎｎａ Petrova"},
		{"Анна Петрова", "Анна  Петрова", "анна петрова"},
	}
	for _, group := range same {
		for _, n := range group {
			if NameSkeleton(n) != NameSkeleton(group[0]) {
				t.Errorf("%q and %q have different skeletons: %q, %q", n, group[0], NameSkeleton(n), NameSkeleton(group[0]))
			}
		}
	}
	for _, pair := range [][2]string{{"Anna Petrova", "Anne Petrova"}, {"Li Wei", "Li Wen"}, {"王伟", "王卫"}} {
		if NameSkeleton(pair[0]) == NameSkeleton(pair[1]) {
			t.Errorf("%q and %q share a skeleton", pair[0], pair[1])
		}
	}
}
