// Package storage keeps everything a delegate writes in one bbolt file: the
// append-only change log, the user's identity and signing key, the keys of
// other delegates seen in imported files, and small settings.
//
// The log is only ever added to, but for one case: an unsigned change
// holding the ID of a signed change that an import verifies is removed,
// with what cannot follow the signed change (see removeChanges and
// importplan.Displaces).
//
// It never imports Fyne: the GUI and the command line both use it.
package storage

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"scoplan/data"
	"scoplan/storage/internal/importplan"
	"scoplan/storage/statusfile"
)

// SchemaVersion is the version of the data file's layout this build writes.
// A file with a higher version was written by a newer scoplan and is refused.
//
//   - 1: each value of the changes bucket is one change's canonical JSON,
//     keyed by its ID.
//   - 2: a value may also hold several changes, each line a change's
//     canonical JSON followed by a newline, keyed by the first one's ID
//     (imports write them so: see writeImport). Version 1 files are read as
//     they are, and marked 2 when such a value is first written to them.
//   - 3: changes may be signed by their author (status file format 2: seq,
//     prev, sig), with the authors' public keys in the keys bucket. A file
//     is marked 3 when the first signed change is written to it (the own or
//     an imported one): an older scoplan would export such changes without
//     their signatures, and colleagues' scoplans would then refuse them as
//     forged, so it must refuse to open the file instead.
const SchemaVersion = 3

// raiseSchema marks the data file with schema version v, unless it is
// marked with v or higher already.
func raiseSchema(tx *bolt.Tx, v int) error {
	meta := tx.Bucket(bucketMeta)
	if old, err := strconv.Atoi(string(meta.Get(keySchema))); err == nil && old >= v {
		return nil
	}
	return meta.Put(keySchema, []byte(strconv.Itoa(v)))
}

// Bucket names.
var (
	bucketMeta     = []byte("meta")
	bucketChanges  = []byte("changes")
	bucketSigners  = []byte("signers")
	bucketSettings = []byte("settings")
	// bucketImported holds the checksums of the status files imported, so
	// that importing one again needs no more than reading it. Created by
	// the first import; older files lack it.
	bucketImported = []byte("imported")
	// bucketKeys holds the public keys (32 bytes) of the authors whose
	// signed (format 2) changes the data file holds, by fingerprint, so
	// that an export can carry them. Created at open (older files lack it
	// until then) or by the first import that needs it.
	bucketKeys = []byte("keys")
	// bucketUnverified holds the IDs of the format 1 changes nothing
	// proves the author of (relayed by someone else), with empty values.
	bucketUnverified = []byte("unverified")

	keyApp      = []byte("app")
	keySchema   = []byte("schema")
	keyIdentity = []byte("identity")
	keyPrivate  = []byte("private-key")
	keyCreated  = []byte("created")

	appMarker = []byte("scoplan")
)

// Errors a caller may want to tell apart. Their messages are written for the user.
var (
	ErrLocked         = errors.New("scoplan is already open with this data file")
	ErrNewerSchema    = errors.New("this data file was written by a newer version of scoplan; update scoplan to open it (the file was left untouched)")
	ErrNotDataFile    = errors.New("this file is not a scoplan data file (the file was left untouched)")
	ErrDamaged        = errors.New("the data file is damaged and cannot be read (the file was left untouched)")
	ErrUnknownMeasure = errors.New("there is no such measure")
	ErrNoSuchNote     = errors.New("there is no such note on this measure")
	ErrNotYourNote    = errors.New("only the author of a note can change it")
	ErrEmptyNote      = errors.New("a note cannot be empty")
	ErrClosed         = errors.New("the data file is closed")
)

// Options configure Open.
type Options struct {
	// Path of the data file; created with its folder if missing.
	Path string
	// Timeout to wait for another process to release the file; 1 s if zero.
	Timeout time.Duration
	// Now returns the current time; time.Now if nil. Tests set it.
	Now func() time.Time
	// App names the program (and its version) in the header of the status
	// files the store exports; "scoplan" if empty.
	App string
	// ReadOnly opens an existing data file for reading only: nothing is
	// created, and every write returns ErrReadOnly (readonly.go).
	ReadOnly bool
}

// Identity is who writes the changes made through this store.
type Identity struct {
	Name       string `json:"name"`
	Delegation string `json:"delegation"`
	// Key is the fingerprint of the installation's public key (AuthorIDHexLen hex digits).
	Key string `json:"-"`
}

// Store is an open data file. Its methods are safe for concurrent use.
type Store struct {
	db   *bolt.DB
	path string
	plan *data.Plan
	now  func() time.Time
	app  string // Options.App

	mu      sync.RWMutex
	state   *data.State
	me      Identity
	private ed25519.PrivateKey
	closed  bool
	onWrite []func()

	// digests holds a hash of each change's stored JSON, so that an import
	// can tell a known change from its bytes without decoding it.
	seed    maphash.Seed
	digests map[string]uint64
	// imported holds the checksums of the status files imported before,
	// with the signature verified then (nil from older versions).
	imported map[[32]byte][]byte
	// keys holds the known authors' public keys (bucketKeys, and the own
	// key); feeds the ID at each place of the feeds the data file holds;
	// tip the own feed's last change (zero Seq before the first).
	keys  map[string]ed25519.PublicKey
	feeds map[importplan.FeedPos]string
	tip   struct {
		Seq uint64
		ID  string
	}
	// removed counts the changes imports removed since Open (Revision).
	removed int
}

// Open opens or creates the data file at opts.Path.
//
// An existing file is first inspected read-only, so that a file from a newer
// scoplan, a damaged file or a file that is not scoplan's is refused without
// a single byte written. A second process opening the same file gets
// ErrLocked after opts.Timeout.
func Open(opts Options) (*Store, error) {
	if opts.Path == "" {
		return nil, errors.New("no data file given")
	}
	if opts.Timeout == 0 {
		opts.Timeout = time.Second
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.App == "" {
		opts.App = "scoplan"
	}
	info, err := os.Stat(opts.Path)
	switch {
	case err == nil && info.IsDir():
		return nil, fmt.Errorf("%s is a folder, not a data file", opts.Path)
	case err == nil && info.Size() == 0:
		return nil, fmt.Errorf("%s is empty: %w", opts.Path, ErrNotDataFile)
	case err == nil:
		if err := inspect(opts.Path, opts.Timeout); err != nil {
			return nil, err
		}
	case errors.Is(err, fs.ErrNotExist) && opts.ReadOnly:
		return nil, fmt.Errorf("no data file at %s: %w", opts.Path, err)
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(filepath.Dir(opts.Path), 0o700); err != nil {
			return nil, fmt.Errorf("cannot create the folder for the data file: %w", err)
		}
	default:
		return nil, fmt.Errorf("cannot read the data file: %w", err)
	}

	db, err := bolt.Open(opts.Path, 0o600, &bolt.Options{Timeout: opts.Timeout, InitialMmapSize: initialMmapSize(), PageSize: pageSize, ReadOnly: opts.ReadOnly})
	if err != nil && !opts.ReadOnly && cannotWrite(err) {
		return nil, ErrReadOnly
	}
	if err != nil {
		return nil, openError(err)
	}
	if initialMmapSize() > 0 {
		// With a mapping larger than bbolt's 16 MB allocation step, bbolt
		// grows the file in steps of AllocSize: keep the file small.
		db.AllocSize = allocSize
	}
	s := &Store{db: db, path: opts.Path, plan: data.Load(), now: opts.Now, app: opts.App, state: data.NewState(),
		seed: maphash.MakeSeed(), digests: map[string]uint64{}, imported: map[[32]byte][]byte{},
		keys: map[string]ed25519.PublicKey{}, feeds: map[importplan.FeedPos]string{}}
	if err := s.init(); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.load(); err != nil {
		db.Close()
		return nil, err
	}
	// A file from before format 2 gets the keys bucket (a write only
	// then: a transaction that writes nothing still rewrites a page).
	missing := false
	_ = safeView(db, func(tx *bolt.Tx) error { missing = tx.Bucket(bucketKeys) == nil; return nil })
	if missing && !opts.ReadOnly {
		if err := safeUpdate(db, func(tx *bolt.Tx) error {
			_, err := tx.CreateBucketIfNotExists(bucketKeys)
			return err
		}); err != nil {
			db.Close()
			return nil, err
		}
	}
	return s, nil
}

// pageSize is the page size of new data files (an existing file keeps its
// own). The changes are a few hundred bytes each: with 16 KiB pages a large
// import writes a quarter of the pages bbolt's default 4 KiB would need,
// in fewer system calls, and the file is a little smaller; a single change
// still writes only a few pages.
const pageSize = 16 << 10

// initialMmapSize reserves address space for the file to grow into, so that
// a large import does not make bbolt remap (and copy every dirty node) at
// each doubling of the file. Elsewhere than on Windows this reserves only
// address space; on Windows bbolt would grow the file to the mapping's
// size, so there it keeps bbolt's default. 32-bit systems keep it too.
// allocSize is the step in which the file grows when initialMmapSize is set.
const allocSize = 128 << 10

func initialMmapSize() int {
	if runtime.GOOS == "windows" || strconv.IntSize < 64 {
		return 0
	}
	return 1 << 30
}

func openError(err error) error {
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return ErrLocked
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrVersionMismatch):
		return ErrNotDataFile
	case errors.Is(err, berrors.ErrChecksum):
		return ErrDamaged
	}
	return fmt.Errorf("cannot open the data file: %w", err)
}

// inspect opens an existing file read-only and checks that it is a scoplan
// data file of a schema this build understands.
func inspect(path string, timeout time.Duration) (err error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: timeout})
	if err != nil {
		return openError(err)
	}
	defer db.Close()
	info, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("cannot read the data file: %w", err)
	}
	return safeView(db, func(tx *bolt.Tx) error {
		if tx.Size() > info.Size() {
			return fmt.Errorf("%w: it is shorter than its own header says (truncated)", ErrDamaged)
		}
		meta := tx.Bucket(bucketMeta)
		if meta == nil || string(meta.Get(keyApp)) != string(appMarker) {
			return ErrNotDataFile
		}
		v, err := strconv.Atoi(string(meta.Get(keySchema)))
		if err != nil || v < 1 {
			return ErrDamaged
		}
		if v > SchemaVersion {
			return ErrNewerSchema
		}
		return nil
	})
}

// safeView runs fn in a read transaction and turns a panic or a memory fault
// inside bbolt (which a damaged page can cause) into ErrDamaged.
func safeView(db *bolt.DB, fn func(*bolt.Tx) error) error { return guarded(db.View, fn) }

// safeUpdate is safeView for write transactions.
func safeUpdate(db *bolt.DB, fn func(*bolt.Tx) error) error {
	if db.IsReadOnly() {
		return ErrReadOnly
	}
	return guarded(db.Update, fn)
}

func guarded(run func(func(*bolt.Tx) error) error, fn func(*bolt.Tx) error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = ErrDamaged
		}
	}()
	return run(fn)
}

// init creates the buckets, the schema marker and the key pair of a new file.
func (s *Store) init() error {
	var fresh bool
	err := s.db.View(func(tx *bolt.Tx) error {
		fresh = tx.Bucket(bucketMeta) == nil
		return nil
	})
	if err != nil || !fresh {
		return err
	}
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return fmt.Errorf("cannot create a signing key: %w", err)
	}
	id, _ := json.Marshal(Identity{Name: defaultName()})
	return safeUpdate(s.db, func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketMeta, bucketChanges, bucketSigners, bucketSettings, bucketDrafts, bucketKeys} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		meta := tx.Bucket(bucketMeta)
		for k, v := range map[string][]byte{
			string(keyApp):      appMarker,
			string(keySchema):   []byte(strconv.Itoa(SchemaVersion)),
			string(keyPrivate):  priv.Seed(),
			string(keyIdentity): id,
			string(keyCreated):  []byte(s.now().UTC().Format(time.RFC3339)),
		} {
			if err := meta.Put([]byte(k), v); err != nil {
				return err
			}
		}
		return nil
	})
}

// load reads the identity, the key and every change into memory.
func (s *Store) load() error {
	var changes []*data.Change
	err := safeView(s.db, func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil || tx.Bucket(bucketChanges) == nil || tx.Bucket(bucketSigners) == nil || tx.Bucket(bucketSettings) == nil {
			return ErrDamaged
		}
		seed := meta.Get(keyPrivate)
		if len(seed) != ed25519.SeedSize {
			return ErrDamaged
		}
		s.private = ed25519.NewKeyFromSeed(seed) // copies the seed out of the transaction
		if err := json.Unmarshal(meta.Get(keyIdentity), &s.me); err != nil {
			return ErrDamaged
		}
		storedKeys(tx, s.keys)
		unverified := map[string]bool{}
		if b := tx.Bucket(bucketUnverified); b != nil {
			_ = b.ForEach(func(k, _ []byte) error {
				unverified[string(k)] = true
				return nil
			})
		}
		if b := tx.Bucket(bucketImported); b != nil {
			_ = b.ForEach(func(k, v []byte) error {
				if len(k) == 32 {
					s.imported[[32]byte(k)] = bytes.Clone(v) // copied out of the transaction
				}
				return nil
			})
		}
		return tx.Bucket(bucketChanges).ForEach(func(k, v []byte) error {
			return eachLine(v, func(n int, line []byte) error {
				c, unreadable, why := storedLine(k, n, line, s.plan)
				switch {
				case unreadable:
					return fmt.Errorf("%w: change %q cannot be read", ErrDamaged, clip(string(k)))
				case why != "":
					return fmt.Errorf("%w: change %q names a measure the plan does not have", ErrDamaged, clip(c.ID))
				}
				if _, twice := s.digests[c.ID]; twice {
					return fmt.Errorf("%w: change %q is in it twice", ErrDamaged, clip(c.ID))
				}
				c.Unverified = unverified[c.ID]
				changes = append(changes, c)
				s.digests[c.ID] = maphash.Bytes(s.seed, line)
				return nil
			})
		})
	})
	if err != nil {
		return err
	}
	s.me.Key = Fingerprint(s.private.Public().(ed25519.PublicKey))
	s.keys[s.me.Key] = s.PublicKey()
	s.addFeeds(changes)
	s.state.SetOwn(data.DelegationKey(s.me.Delegation))
	s.state.Add(changes...)
	return nil
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// addFeeds notes the places of signed changes in their feeds, and moves
// the own feed's tip forward. Callers hold s.mu or own s.
func (s *Store) addFeeds(changes []*data.Change) {
	for _, c := range changes {
		if !c.Signed() {
			continue
		}
		pos := importplan.FeedPos{Author: c.Author, Seq: c.Seq}
		if _, ok := s.feeds[pos]; !ok {
			s.feeds[pos] = c.ID
		}
		if c.Author == s.me.Key && c.Seq > s.tip.Seq {
			s.tip.Seq, s.tip.ID = c.Seq, c.ID
		}
	}
}

// Fingerprint is the short form of a public key that identifies an author:
// the first 8 bytes of its SHA-256, in hex.
func Fingerprint(pub ed25519.PublicKey) string { return statusfile.Fingerprint(pub) }

func defaultName() string {
	for _, v := range []string{"USER", "USERNAME", "LOGNAME"} {
		if n := os.Getenv(v); n != "" && len(n) <= data.MaxNameBytes {
			return n
		}
	}
	return ""
}

// Close closes the data file.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	return s.db.Close()
}

// Path returns the data file's path.
func (s *Store) Path() string { return s.path }

// Plan returns the plan the store's measures belong to.
func (s *Store) Plan() *data.Plan { return s.plan }

// Identity returns the user's name, delegation and key fingerprint.
func (s *Store) Identity() Identity {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.me
}

// PublicKey returns the installation's public key.
func (s *Store) PublicKey() ed25519.PublicKey { return s.private.Public().(ed25519.PublicKey) }

// Sign signs msg with the installation's private key.
func (s *Store) Sign(msg []byte) []byte { return ed25519.Sign(s.private, msg) }

// SetIdentity changes the name and delegation written on future changes.
func (s *Store) SetIdentity(name, delegation string) error {
	if len(name) > data.MaxNameBytes || len(delegation) > data.MaxNameBytes {
		return fmt.Errorf("a name may have at most %d bytes", data.MaxNameBytes)
	}
	id := Identity{Name: name, Delegation: delegation}
	buf, _ := json.Marshal(id)
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return ErrClosed
	}
	if err := safeUpdate(s.db, func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keyIdentity, buf) }); err != nil {
		s.mu.Unlock()
		return fmt.Errorf("cannot save your identity: %w", err)
	}
	id.Key = s.me.Key
	s.me = id
	// The statuses shown as the user's own are their delegation's.
	own := data.DelegationKey(delegation)
	moved := own != s.state.Own()
	s.state.SetOwn(own)
	s.mu.Unlock()
	if moved {
		s.notify()
	}
	return nil
}

// OnWrite registers fn to be called (outside the store's lock) after every
// successful write of changes, local or imported.
func (s *Store) OnWrite(fn func()) {
	s.mu.Lock()
	s.onWrite = append(s.onWrite, fn)
	s.mu.Unlock()
}

func (s *Store) notify() {
	s.mu.RLock()
	fns := append([]func(){}, s.onWrite...)
	s.mu.RUnlock()
	for _, fn := range fns {
		fn()
	}
}

// storedKeys adds the public keys of the keys bucket that read back whole
// (32 bytes that hash to their fingerprint) to keys.
func storedKeys(tx *bolt.Tx, keys map[string]ed25519.PublicKey) {
	if b := tx.Bucket(bucketKeys); b != nil {
		_ = b.ForEach(func(k, v []byte) error {
			if len(v) == ed25519.PublicKeySize && Fingerprint(v) == string(k) {
				keys[string(k)] = bytes.Clone(v)
			}
			return nil
		})
	}
}
