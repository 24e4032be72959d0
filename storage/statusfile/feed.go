package statusfile

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"hash"

	"scoplan/data"
)

// Format 2 (docs/FORMAT.md): every new change is named by a hash of its
// content, takes a place in its author's feed and is signed by its author.
const (
	changeContext = "scoplan-change-v2\x00" // hashed before a change's content
	feedContext   = "scoplan-feed-v2\x00"   // signed before a change's ID
	idLen         = data.ChangeIDHexLen / 2
)

// sigSuffixLen is the length of `,"sig":"…"}` at the end of a signed line.
const sigSuffixLen = len(`,"sig":"`) + data.SigHexLen + len(`"}`)

// ContentID returns the format 2 ID of a change: the first 16 bytes, in
// hex, of SHA-256("scoplan-change-v2", 0x00, the change's canonical JSON
// without its id and sig). It ignores the change's ID and Sig.
func ContentID(c *data.Change) (string, error) {
	cc := *c
	cc.ID, cc.Sig = "", ""
	raw, err := json.Marshal(&cc)
	if err != nil {
		return "", err
	}
	// raw starts with {"id":"", which the hash leaves out.
	body := append([]byte("{"), raw[len(`{"id":"",`):]...)
	h := sha256.New()
	h.Write([]byte(changeContext))
	h.Write(body)
	return hex.EncodeToString(h.Sum(nil)[:idLen]), nil
}

// lineContentID is ContentID for a canonical line (which starts with its
// ID and, when signed, ends with its signature): the hash of the line
// without them. It reports false for a line not in that form.
func lineContentID(h hash.Hash, raw []byte, signed bool) (id [idLen]byte, ok bool) {
	start := len(idPrefix) + data.ChangeIDHexLen + len(`",`)
	end := len(raw) - 1 // the closing brace
	if signed {
		end = len(raw) - sigSuffixLen
	}
	if end < start || raw[len(raw)-1] != '}' || raw[start-1] != ',' || signed && !bytes.HasPrefix(raw[end:], []byte(`,"sig":"`)) {
		return id, false
	}
	h.Reset()
	h.Write([]byte(changeContext))
	h.Write([]byte("{"))
	h.Write(raw[start:end])
	h.Write([]byte("}"))
	var sum [sha256.Size]byte
	copy(id[:], h.Sum(sum[:0]))
	return id, true
}

// FeedMessage is what an author's key signs for a format 2 change: a
// context string and the 16 bytes of the change's ID.
func FeedMessage(id [idLen]byte) []byte {
	return append([]byte(feedContext), id[:]...)
}

// SignChange makes c a format 2 change: it sets its ID to its content's
// hash and its signature to sign's over FeedMessage. c.Seq and c.Prev must
// be set already (they are part of the content).
func SignChange(c *data.Change, sign func([]byte) []byte) error {
	id, err := ContentID(c)
	if err != nil {
		return err
	}
	var b [idLen]byte
	hex.Decode(b[:], []byte(id))
	c.ID = id
	c.Sig = hex.EncodeToString(sign(FeedMessage(b)))
	return nil
}

// VerifyChange reports whether a format 2 change's signature is its
// author's, by the key pub. It does not check the ID against the content.
func VerifyChange(pub ed25519.PublicKey, c *data.Change) bool {
	var id [idLen]byte
	sig := make([]byte, ed25519.SignatureSize)
	if len(c.ID) != 2*idLen || len(c.Sig) != 2*len(sig) || len(pub) != ed25519.PublicKeySize {
		return false
	}
	if _, err := hex.Decode(id[:], []byte(c.ID)); err != nil {
		return false
	}
	if _, err := hex.Decode(sig, []byte(c.Sig)); err != nil {
		return false
	}
	return ed25519.Verify(pub, FeedMessage(id), sig)
}
