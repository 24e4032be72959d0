// Package statusfile reads and writes scoplan's status files: the signed,
// checksummed change log a delegate hands to colleagues. docs/FORMAT.md
// describes the format; this package is its reference implementation.
//
// Every file is treated as hostile: Parse and ReadFile either return a file
// whose every line has been checked, or one error that names the file and
// the problem in a single plain line. Neither touches any data file.
//
// It never imports Fyne or bbolt.
package statusfile

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"scoplan/data"
	"scoplan/internal/regularfile"
)

// Format constants.
const (
	// Magic starts the first line of every status file.
	Magic = "SCOPLAN-STATUS"
	// Version is the format version this build writes and the newest it
	// reads. Version 1 files are still read.
	Version = 2
	// Extension is the file name extension of status files.
	Extension = ".scoplan-status"
	// MaxSize is the largest status file scoplan reads (100 MB). Larger
	// files are refused without being read.
	MaxSize = 100_000_000
	// MaxLine is the longest line a status file may have.
	MaxLine = 1 << 20
	// FutureSlack is how far in the future (by this machine's clock) a
	// change or an export may be dated before the file is refused.
	FutureSlack = 48 * time.Hour

	sigContext = "scoplan-status-file-v1\x00"
	sumPrefix  = "sha256 "
	sigPrefix  = "ed25519 "
)

// Kinds of problem, for errors.Is. The messages users see come from *Error.
var (
	ErrUnreadable     = errors.New("cannot be read")
	ErrEmpty          = errors.New("is empty")
	ErrTooBig         = errors.New("is too big")
	ErrNotStatusFile  = errors.New("is not a scoplan status file")
	ErrNewerFormat    = errors.New("is from a newer scoplan")
	ErrTruncated      = errors.New("is truncated")
	ErrChecksum       = errors.New("checksum does not match")
	ErrSignature      = errors.New("signature is not valid")
	ErrInvalidUTF8    = errors.New("is not valid UTF-8")
	ErrDamaged        = errors.New("is damaged")
	ErrOtherPlan      = errors.New("is for another plan")
	ErrUnknownMeasure = errors.New("names an unknown measure")
	ErrReusedID       = errors.New("reuses a change ID")
	ErrFuture         = errors.New("is dated in the future")
)

// Error is a refused file: File names it, Problem says what is wrong in
// plain words, Kind is one of the Err… values above.
type Error struct {
	File    string
	Kind    error
	Problem string
}

func (e *Error) Error() string { return e.File + ": " + e.Problem }

// Unwrap lets errors.Is match the kind of problem.
func (e *Error) Unwrap() error { return e.Kind }

func refuse(file string, kind error, format string, a ...any) *Error {
	return &Error{File: file, Kind: kind, Problem: fmt.Sprintf(format, a...)}
}

// Exporter is who exported a file, as the file says and the signature proves.
type Exporter struct {
	Name       string `json:"name"`
	Delegation string `json:"delegation,omitempty"`
	// Key is the fingerprint of PublicKey (data.AuthorIDHexLen hex digits):
	// the author ID on the exporter's own changes.
	Key string `json:"key"`
	// PublicKey is the exporter's Ed25519 public key, in hex.
	PublicKey string `json:"public_key"`
}

// Header is the second line of a status file.
type Header struct {
	Plan        string    `json:"plan"`         // data.PlanID
	PlanVersion string    `json:"plan_version"` // data.Plan.Version() of the exporter's plan text
	Exported    time.Time `json:"exported"`     // when the file was written, UTC
	App         string    `json:"app,omitempty"`
	Exporter    Exporter  `json:"exporter"`
	Changes     int       `json:"changes"` // the number of change lines that follow
	// Keys maps the fingerprint of every author whose format 2 changes
	// the file holds to the author's Ed25519 public key, in hex (format 2).
	Keys map[string]string `json:"keys,omitempty"`
}

// Line is one change of a file.
type Line struct {
	ID  string
	Raw []byte // the change's canonical JSON, exactly as in the file
	// Change is the decoded change; nil when Options.Known said the line is
	// already known, in which case it was not decoded. Files parsed with
	// the same Options.Cache share one *data.Change for identical lines.
	Change *data.Change
	// AlteredID is true for a format 2 change whose ID is not the hash of
	// its content: the import refuses it (and what depends on it), not the
	// whole file.
	AlteredID bool
}

// File is a status file that passed every check.
type File struct {
	Name   string // the name used in messages (the path as given)
	Header Header
	Sum    [32]byte // the SHA-256 checksum of the content
	Lines  []Line   // the changes, without duplicate lines
	// Seen is true when Options.KnownFile recognised the file: Lines is
	// then empty, and the file's Header.Changes changes are all known.
	Seen bool
	// PublicKey is the exporter's key, decoded.
	PublicKey ed25519.PublicKey
	// Signature is the file's signature (of SignedMessage(Sum)), verified
	// unless Options.KnownFile said it was verified before.
	Signature []byte
	// Decoded is the number of lines decoded for this file: neither known
	// (Options.Known) nor decoded before (Options.Cache).
	Decoded int
	// Version is the file's format version (1 or 2).
	Version int
	// Keys holds the public keys of the header's Keys, decoded and checked
	// against their fingerprints, and the exporter's.
	Keys map[string]ed25519.PublicKey
}

// Options tune Parse and ReadFile.
type Options struct {
	// Plan the measures are checked against; data.Load() if nil.
	Plan *data.Plan
	// Now is this machine's clock for the future-date check; time.Now() if zero.
	Now time.Time
	// Known, if set, reports whether a change with this ID and exactly these
	// canonical bytes is already known. Such lines are not decoded again,
	// which makes re-importing a file cheap. It must not keep id or raw.
	Known func(id, raw []byte) bool
	// KnownFile, if set, reports whether a file with this checksum was
	// imported before (so every change in it is known). The lines of such a
	// file are not read at all; the file comes back with Seen set.
	// verified reports that sig is the signature that was verified when the
	// file was imported: the same bytes need not be checked again (the
	// checksum, header, plan and date still are).
	KnownFile func(sum [32]byte, sig []byte) (known, verified bool)
	// Cache, if set, is shared by the files of one import: a change line
	// that another of them holds with exactly the same bytes is decoded
	// and checked once (a relayed log repeats most of its lines in every
	// file). The checks that depend on the file (its clock bound, its
	// references) are still made for each file. Files parsed with one
	// Cache must use the same Plan and Now.
	Cache *Cache
}

// Cache holds the change lines decoded by the Parse calls of one import,
// for Options.Cache. It is safe for concurrent use.
//
// Looking a line up costs little next to decoding it, but not nothing
// when every line is new (a large map, cold in the processor's caches):
// once the files parsed with a Cache have made cacheTrial lookups, a file
// uses the Cache only if at least one lookup in cacheMinHitRate found its
// line. The answers do not depend on it, only the time they take.
type Cache struct {
	shards         [cacheShards]cacheShard
	lookups, found atomic.Int64
}

const (
	cacheTrial      = 4096
	cacheMinHitRate = 8 // one in 8
)

// useful reports whether the next file should use the cache.
func (c *Cache) useful() bool {
	n := c.lookups.Load()
	return n < cacheTrial || c.found.Load()*cacheMinHitRate >= n
}

// count records one file's lookups and how many found their line.
func (c *Cache) count(lookups, found int) {
	c.lookups.Add(int64(lookups))
	c.found.Add(int64(found))
}

const cacheShards = 32

type cacheShard struct {
	mu sync.Mutex
	m  map[uint64]cached
	_  [128 - 16]byte // a shard per cache line: the cores do not share them
}

type cached struct {
	raw     []byte
	c       *data.Change
	altered bool
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	c := &Cache{}
	for i := range c.shards {
		c.shards[i].m = map[uint64]cached{}
	}
	return c
}

// lineKey condenses a line's 32-byte change ID to a map key. Different
// IDs may share a key (a hostile file can arrange that): a line counts as
// cached only when its bytes, ID included, are the ones cached, so a
// shared key costs a decoding, never a wrong answer.
func lineKey(id []byte) uint64 {
	k := binary.LittleEndian.Uint64(id[0:])
	k = bits.RotateLeft64(k*0x9e3779b97f4a7c15, 31) ^ binary.LittleEndian.Uint64(id[8:])
	k = bits.RotateLeft64(k*0x9e3779b97f4a7c15, 31) ^ binary.LittleEndian.Uint64(id[16:])
	k = bits.RotateLeft64(k*0x9e3779b97f4a7c15, 31) ^ binary.LittleEndian.Uint64(id[24:])
	return k * 0x9e3779b97f4a7c15
}

func (c *Cache) shard(key uint64) *cacheShard { return &c.shards[key>>59%cacheShards] }

// get returns the change decoded from a line with exactly these bytes, or
// nil.
func (c *Cache) get(key uint64, raw []byte) (*data.Change, bool) {
	sh := c.shard(key)
	sh.mu.Lock()
	e, ok := sh.m[key]
	sh.mu.Unlock()
	if ok && bytes.Equal(e.raw, raw) {
		return e.c, e.altered
	}
	return nil, false
}

// put remembers a change decoded and checked from raw, unless the key is
// taken, and returns the change to use: the one remembered first when its
// bytes are the same, so that identical lines share one change.
func (c *Cache) put(key uint64, raw []byte, ch *data.Change, altered bool) *data.Change {
	sh := c.shard(key)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if e, ok := sh.m[key]; ok {
		if bytes.Equal(e.raw, raw) {
			return e.c
		}
		return ch // another line under this key (the same ID with other content is refused by the import)
	}
	sh.m[key] = cached{raw, ch, altered}
	return ch
}

// panicHook sees a panic Parse recovered from; the tests make it panic
// again, so that the fuzzer reports it.
var panicHook = func(any) {}

// Fingerprint is the short form of a public key that identifies an author:
// the first 8 bytes of its SHA-256, in hex.
func Fingerprint(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	return hex.EncodeToString(sum[:data.AuthorIDHexLen/2])
}

// ReadFile reads and checks the status file at path. A file over MaxSize is
// refused from its size alone, without reading it.
func ReadFile(path string, o Options) (*File, error) {
	content, err := readLimited(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, content, o)
}

func readLimited(path string) ([]byte, error) {
	// Only a regular file is opened, and without blocking: a named pipe
	// would wait for a writer for ever, holding the data file.
	f, info, err := regularfile.Open(path)
	switch {
	case errors.Is(err, regularfile.ErrFolder):
		return nil, refuse(path, ErrNotStatusFile, "is a folder, not a status file")
	case errors.Is(err, regularfile.ErrNotRegular):
		return nil, refuse(path, ErrNotStatusFile, "is not a regular file (a named pipe, a device or a socket)")
	case err != nil:
		return nil, refuse(path, ErrUnreadable, "cannot be read (%s)", plainOSError(err))
	}
	defer f.Close()
	if info.Size() > MaxSize {
		return nil, refuse(path, ErrTooBig, "is %s, larger than the %s a status file may have", megabytes(info.Size()), megabytes(MaxSize))
	}
	// The file may grow or shrink while it is read: read what its size
	// says plus one byte, and never more than MaxSize+1.
	buf := make([]byte, info.Size()+1)
	n, err := io.ReadFull(f, buf)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, refuse(path, ErrUnreadable, "cannot be read (%s)", plainOSError(err))
	}
	content := buf[:n]
	if n == len(buf) { // it grew: read the rest, within the limit
		more, err := io.ReadAll(io.LimitReader(f, MaxSize+1-int64(n)))
		if err != nil {
			return nil, refuse(path, ErrUnreadable, "cannot be read (%s)", plainOSError(err))
		}
		content = append(content, more...)
	}
	if len(content) > MaxSize {
		return nil, refuse(path, ErrTooBig, "is larger than the %s a status file may have", megabytes(MaxSize))
	}
	return content, nil
}

func megabytes(n int64) string {
	return fmt.Sprintf("%.0f MB", float64(n)/1e6)
}

func plainOSError(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Parse checks a status file's content; name is used in messages.
//
// The checks, in order: the first line names the format and a version this
// build reads; the file ends with its checksum and signature lines; the
// checksum matches; the text is valid UTF-8; the header is well-formed, its
// public key matches its fingerprint and the signature verifies; the file is
// for this plan and not dated in the future; then every change line is
// canonical JSON of a valid change on a known measure, not dated in the
// future, with a clock and references the file itself accounts for, and no
// change ID appears twice with different content.
func Parse(name string, content []byte, o Options) (f *File, err error) {
	// A defect in this reader must never take the program down with it:
	// a panic becomes a refusal, and the fuzz targets look for them.
	defer func() {
		if r := recover(); r != nil {
			panicHook(r)
			f, err = nil, refuse(name, ErrDamaged, "is damaged: it could not be read")
		}
	}()
	if o.Plan == nil {
		o.Plan = data.Load()
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	content = bytes.TrimPrefix(content, []byte("\xef\xbb\xbf")) // a BOM an editor may have added
	if len(bytes.TrimSpace(content)) == 0 {
		return nil, refuse(name, ErrEmpty, "is empty")
	}
	if bytes.Contains(content, []byte("\r\n")) {
		// A mail program or an editor may turn line ends into CRLF. The
		// canonical content never holds a raw CR, so turning them back is
		// unambiguous, and the checksum and signature still decide.
		content = bytes.ReplaceAll(content, []byte("\r\n"), []byte("\n"))
	}
	first, rest, ok := bytes.Cut(content, []byte("\n"))
	version, err := checkMagic(name, first, ok)
	if err != nil {
		return nil, err
	}

	// The trailer: a checksum line and a signature line, each ending in "\n".
	if content[len(content)-1] != '\n' {
		return nil, refuse(name, ErrTruncated, "is incomplete (truncated): its end is missing")
	}
	body, sumLine, sigLine, ok := splitTrailer(content)
	if !ok {
		return nil, refuse(name, ErrTruncated, "is incomplete (truncated): the checksum and signature at its end are missing")
	}
	// Lengths first: hex.Decode writes as many bytes as the input holds
	// (an over-long line once made it run past the buffer: a fuzzing find,
	// kept in testdata/fuzz/FuzzParse).
	var want [32]byte
	if len(sumLine) != 2*len(want) {
		return nil, refuse(name, ErrDamaged, "is damaged: its checksum line is malformed")
	}
	if _, err := hex.Decode(want[:], sumLine); err != nil {
		return nil, refuse(name, ErrDamaged, "is damaged: its checksum line is malformed")
	}
	sig := make([]byte, ed25519.SignatureSize)
	if len(sigLine) != 2*len(sig) {
		return nil, refuse(name, ErrDamaged, "is damaged: its signature line is malformed")
	}
	if _, err := hex.Decode(sig, sigLine); err != nil {
		return nil, refuse(name, ErrDamaged, "is damaged: its signature line is malformed")
	}
	f = &File{Name: name, Sum: sha256.Sum256(body), Signature: sig, Version: version}
	if f.Sum != want {
		return nil, refuse(name, ErrChecksum, "checksum does not match: the file was changed or damaged after it was exported")
	}
	// A file imported before, with the signature verified then: the same
	// bytes passed every check of the body then.
	var seen, verified bool
	if o.KnownFile != nil {
		seen, verified = o.KnownFile(f.Sum, sig)
		verified = verified && seen
	}
	if !verified && !utf8.Valid(body) {
		return nil, refuse(name, ErrInvalidUTF8, "contains text that is not valid UTF-8")
	}

	rest = rest[:len(body)-len(first)-1]
	headerLine, rest, ok := bytes.Cut(rest, []byte("\n"))
	if !ok {
		return nil, refuse(name, ErrDamaged, "is damaged: it has no header")
	}
	if err := f.parseHeader(name, headerLine); err != nil {
		return nil, err
	}
	if !verified && !ed25519.Verify(f.PublicKey, SignedMessage(f.Sum), sig) {
		return nil, refuse(name, ErrSignature, "signature is not valid: the file was not signed by the key it names")
	}
	h := &f.Header
	if h.Plan != data.PlanID {
		return nil, refuse(name, ErrOtherPlan, "is for another plan (%q), not %q", clip(h.Plan), data.PlanID)
	}
	if h.Exported.After(o.Now.Add(FutureSlack)) {
		return nil, refuse(name, ErrFuture, "says it was exported on %s, which is in the future for this computer", h.Exported.UTC().Format("2006-01-02 15:04 UTC"))
	}
	if seen {
		f.Seen = true
		return f, nil
	}
	if err := f.parseChanges(name, rest, o); err != nil {
		return nil, err
	}
	return f, nil
}

func checkMagic(name string, first []byte, hasNewline bool) (int, error) {
	magic := []byte(Magic + " ")
	if !bytes.HasPrefix(first, magic) {
		if !hasNewline && bytes.HasPrefix(magic, first) {
			return 0, refuse(name, ErrTruncated, "is incomplete (truncated): it ends inside its first line")
		}
		return 0, refuse(name, ErrNotStatusFile, "is not a scoplan status file")
	}
	if !hasNewline {
		return 0, refuse(name, ErrTruncated, "is incomplete (truncated): it ends inside its first line")
	}
	vs := string(first[len(magic):])
	v, err := strconv.Atoi(vs)
	if err != nil || v < 1 || strconv.Itoa(v) != vs {
		return 0, refuse(name, ErrNotStatusFile, "is not a scoplan status file (its format version %q is not a number)", clip(vs))
	}
	if v > Version {
		return 0, refuse(name, ErrNewerFormat, "was written by a newer scoplan (status file format %d; this scoplan reads formats 1 and %d): update scoplan to import it", v, Version)
	}
	return v, nil
}

// splitTrailer splits content (which ends in "\n") into the body and the
// payloads of its last two lines, if they are the checksum and signature.
func splitTrailer(content []byte) (body, sum, sig []byte, ok bool) {
	c := content[:len(content)-1]
	i := bytes.LastIndexByte(c, '\n')
	if i < 0 {
		return nil, nil, nil, false
	}
	sigLine := c[i+1:]
	c = c[:i]
	j := bytes.LastIndexByte(c, '\n')
	if j < 0 {
		return nil, nil, nil, false
	}
	sumLine := c[j+1:]
	if !bytes.HasPrefix(sigLine, []byte(sigPrefix)) || !bytes.HasPrefix(sumLine, []byte(sumPrefix)) {
		return nil, nil, nil, false
	}
	return content[:j+1], sumLine[len(sumPrefix):], sigLine[len(sigPrefix):], true
}

// SignedMessage is what the exporter's key signs: a context string and the
// content's SHA-256.
func SignedMessage(sum [32]byte) []byte {
	return append([]byte(sigContext), sum[:]...)
}

func (f *File) parseHeader(name string, line []byte) error {
	if len(line) > MaxLine {
		return refuse(name, ErrDamaged, "is damaged: its header is too long")
	}
	h := &f.Header
	if err := json.Unmarshal(line, h); err != nil {
		return refuse(name, ErrDamaged, "is damaged: its header cannot be read")
	}
	e := &h.Exporter
	pub, err := hex.DecodeString(e.PublicKey)
	if err != nil || len(pub) != ed25519.PublicKeySize {
		return refuse(name, ErrDamaged, "is damaged: the exporter's public key is malformed")
	}
	f.PublicKey = pub
	if Fingerprint(f.PublicKey) != e.Key {
		return refuse(name, ErrSignature, "signature is not valid: the exporter's key %q does not match its public key", clip(e.Key))
	}
	if len(e.Name) > data.MaxNameBytes || len(e.Delegation) > data.MaxNameBytes {
		return refuse(name, ErrDamaged, "is damaged: the exporter's name is too long")
	}
	if h.Changes < 0 {
		return refuse(name, ErrDamaged, "is damaged: its header gives a negative number of changes")
	}
	if h.Exported.IsZero() {
		return refuse(name, ErrDamaged, "is damaged: its header has no export date")
	}
	if f.Version < 2 && h.Keys != nil {
		return refuse(name, ErrDamaged, "is damaged: a format 1 file carries no keys")
	}
	f.Keys = make(map[string]ed25519.PublicKey, len(h.Keys)+1)
	f.Keys[e.Key] = f.PublicKey
	for fp, k := range h.Keys {
		pub, err := hex.DecodeString(k)
		if err != nil || len(pub) != ed25519.PublicKeySize || Fingerprint(pub) != fp {
			return refuse(name, ErrDamaged, "is damaged: the public key it gives for %q does not match that fingerprint", clip(fp))
		}
		f.Keys[fp] = pub
	}
	return nil
}

// idPrefix is how every canonical change line starts.
var idPrefix = []byte(`{"id":"`)

func (f *File) parseChanges(name string, rest []byte, o Options) error {
	h := &f.Header
	n := bytes.Count(rest, []byte("\n"))
	if n != h.Changes {
		return refuse(name, ErrDamaged, "is damaged: its header announces %d changes but it holds %d", h.Changes, n)
	}
	f.Lines = make([]Line, 0, n)
	type lineID = [data.ChangeIDHexLen]byte
	index := make(map[lineID]int, n) // ID → index in f.Lines
	in := newInterner()
	cache := o.Cache
	if cache != nil && !cache.useful() {
		cache = nil
	}
	lookups, found := 0, 0
	hasher := sha256.New()
	for num := 3; len(rest) > 0; num++ {
		raw, tail, _ := bytes.Cut(rest, []byte("\n"))
		rest = tail
		if len(raw) > MaxLine {
			return refuse(name, ErrDamaged, "is damaged: line %d is too long", num)
		}
		if len(raw) < len(idPrefix)+data.ChangeIDHexLen+1 || !bytes.HasPrefix(raw, idPrefix) || raw[len(idPrefix)+data.ChangeIDHexLen] != '"' {
			return refuse(name, ErrDamaged, "is damaged: line %d is not a change", num)
		}
		idBytes := raw[len(idPrefix) : len(idPrefix)+data.ChangeIDHexLen]
		id := lineID(idBytes)
		if i, dup := index[id]; dup {
			if !bytes.Equal(f.Lines[i].Raw, raw) {
				return refuse(name, ErrReusedID, "uses change ID %s twice with different content", clip(string(idBytes)))
			}
			continue
		}
		index[id] = len(f.Lines)
		if o.Known != nil && o.Known(idBytes, raw) {
			f.Lines = append(f.Lines, Line{ID: string(idBytes), Raw: raw})
			continue
		}
		var c *data.Change
		var key uint64
		var altered bool
		if cache != nil {
			key = lineKey(idBytes)
			c, altered = cache.get(key, raw)
			lookups++
		}
		if c != nil {
			found++
		} else {
			f.Decoded++
			var err error
			if c, err = decodeLine(name, num, raw, o, in); err != nil {
				return err
			}
			if c.Signed() {
				// Format 2: the ID is the hash of the content. A line
				// whose ID is not is refused on its own by the import.
				sum, ok := lineContentID(hasher, raw, true)
				altered = !ok || hex.EncodeToString(sum[:]) != c.ID
			}
			if cache != nil {
				c = cache.put(key, raw, c, altered)
			}
		}
		if c.Signed() && f.Version < 2 {
			return refuse(name, ErrDamaged, "is damaged: line %d is a format 2 change in a format 1 file", num)
		}
		// A file holds every change its exporter knew, and every change
		// its author knew when making it: a clock above the number of
		// changes cannot come from a real log (and would let a file push
		// every later clock towards overflow).
		if c.Clock > uint64(n) {
			return refuse(name, ErrDamaged, "is damaged: change %s has clock %d but the file holds only %d changes", c.ID, c.Clock, n)
		}
		f.Lines = append(f.Lines, Line{ID: c.ID, Raw: raw, Change: c, AlteredID: altered})
	}
	if cache != nil {
		cache.count(lookups, found)
	}
	// References: a status change's parents and the note an edit or a
	// deletion is about were known to its author, so they are in the file.
	has := func(id string) bool {
		if len(id) != data.ChangeIDHexLen {
			return false
		}
		_, ok := index[lineID([]byte(id))]
		return ok
	}
	for _, l := range f.Lines {
		c := l.Change
		if c == nil {
			continue
		}
		for _, p := range c.Parents {
			if !has(p) {
				return refuse(name, ErrDamaged, "is damaged: change %s refers to change %s, which the file does not hold", c.ID, p)
			}
		}
		if c.Kind == data.ChangeNoteEdit || c.Kind == data.ChangeNoteDelete {
			if !has(c.Note) {
				return refuse(name, ErrDamaged, "is damaged: change %s is about note %s, which the file does not hold", c.ID, c.Note)
			}
		}
	}
	return nil
}

// decodeLine decodes and checks one change line (number num) on its own:
// its form, its content, its measure and its date.
func decodeLine(name string, num int, raw []byte, o Options, in *interner) (*data.Change, error) {
	limit := o.Now.Add(FutureSlack)
	c, canonical := decodeCanonicalIn(raw, in)
	if !canonical {
		// The slow way, to say what is wrong (or to accept a
		// canonical line the fast decoder does not know).
		c = new(data.Change)
		if err := json.Unmarshal(raw, c); err != nil {
			return nil, refuse(name, ErrDamaged, "is damaged: line %d cannot be read as a change", num)
		}
		if err := c.Validate(); err != nil {
			return nil, refuse(name, ErrDamaged, "is damaged: line %d: %s", num, err)
		}
		if canon, err := json.Marshal(c); err != nil || !bytes.Equal(canon, raw) {
			return nil, refuse(name, ErrDamaged, "is damaged: line %d is not written the way scoplan writes changes", num)
		}
	} else if err := c.Validate(); err != nil {
		return nil, refuse(name, ErrDamaged, "is damaged: line %d: %s", num, err)
	}
	// docs/FORMAT.md: IDs are lower-case hex. The same ID in upper case
	// would be another string for a map and the same bytes for a person.
	if id, ok := upperHex(c); ok {
		return nil, refuse(name, ErrDamaged, "is damaged: line %d: the ID %q is not in lower case", num, clip(id))
	}
	// A meeting is about no measure (Validate makes sure its measure is
	// empty); every other change names a measure of this plan.
	if c.Kind != data.ChangeMeeting && o.Plan.Measure(c.Measure) == nil {
		return nil, refuse(name, ErrUnknownMeasure, "names measure %q, which is not in this plan (change %s)", clip(c.Measure), c.ID)
	}
	if c.Time.After(limit) {
		return nil, refuse(name, ErrFuture, "holds change %s dated %s, which is in the future for this computer", c.ID, c.Time.UTC().Format("2006-01-02 15:04 UTC"))
	}
	return c, nil
}

// upperHex returns an ID of the change (its own, author, parents, note)
// that has an upper-case hex digit.
func upperHex(c *data.Change) (string, bool) {
	for _, id := range append([]string{c.ID, c.Author, c.Note, c.Prev, c.Sig}, c.Parents...) {
		if strings.IndexFunc(id, func(r rune) bool { return r >= 'A' && r <= 'F' }) >= 0 {
			return id, true
		}
	}
	return "", false
}

func clip(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// Encode writes a status file: the header (whose Changes, Exported and
// exporter key fields it fills in) and the changes, then the checksum and the
// signature made by sign with the private key of pub.
func Encode(h Header, pub ed25519.PublicKey, changes []*data.Change, sign func([]byte) []byte) ([]byte, error) {
	lines := make([][]byte, len(changes))
	for i, c := range changes {
		b, err := json.Marshal(c)
		if err != nil {
			return nil, err
		}
		lines[i] = b
	}
	return EncodeLines(h, pub, lines, sign)
}

// EncodeLines is Encode for change lines already in JSON. It writes them as
// they are, so it can also make files that Parse refuses (tests use it).
func EncodeLines(h Header, pub ed25519.PublicKey, lines [][]byte, sign func([]byte) []byte) ([]byte, error) {
	return EncodeLinesFormat(Version, h, pub, lines, sign)
}

// EncodeFormat is Encode writing the given format version: 1 makes a
// format 1 file (no keys, and format 2 changes in it are refused by
// Parse), as older scoplans wrote; benchmarks and tests compare them.
func EncodeFormat(version int, h Header, pub ed25519.PublicKey, changes []*data.Change, sign func([]byte) []byte) ([]byte, error) {
	lines := make([][]byte, len(changes))
	for i, c := range changes {
		b, err := json.Marshal(c)
		if err != nil {
			return nil, err
		}
		lines[i] = b
	}
	return EncodeLinesFormat(version, h, pub, lines, sign)
}

// EncodeLinesFormat is EncodeLines writing the given format version.
func EncodeLinesFormat(version int, h Header, pub ed25519.PublicKey, lines [][]byte, sign func([]byte) []byte) ([]byte, error) {
	if version < 2 {
		h.Keys = nil
	}
	h.Changes = len(lines)
	h.Exported = h.Exported.UTC().Truncate(data.TimePrecision)
	h.Exporter.PublicKey = hex.EncodeToString(pub)
	h.Exporter.Key = Fingerprint(pub)
	if len(h.Keys) == 0 {
		h.Keys = nil
	}
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "%s %d\n", Magic, version)
	hb, err := json.Marshal(h)
	if err != nil {
		return nil, err
	}
	buf.Write(hb)
	buf.WriteByte('\n')
	for _, l := range lines {
		buf.Write(l)
		buf.WriteByte('\n')
	}
	return Seal(buf.Bytes(), sign), nil
}

// Seal appends the checksum and signature lines to a file's body (its first
// line, header and change lines).
func Seal(body []byte, sign func([]byte) []byte) []byte {
	sum := sha256.Sum256(body)
	out := append([]byte(nil), body...)
	out = fmt.Appendf(out, "%s%x\n", sumPrefix, sum[:])
	out = fmt.Appendf(out, "%s%x\n", sigPrefix, sign(SignedMessage(sum)))
	return out
}
