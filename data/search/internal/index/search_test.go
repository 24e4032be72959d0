package index

import (
	"reflect"
	"testing"
)

// Fuzzy hits: byte offsets turned into rune ranges.
func TestByteToRune(t *testing.T) {
	rs := byteToRune("绿色的金融", []int{0, 3, 9, 12})
	if !reflect.DeepEqual(rs, []Range{{0, 2}, {3, 5}}) {
		t.Errorf("byteToRune = %v", rs)
	}
}
