package cache

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestGetPut(t *testing.T) {
	t.Parallel()
	c := Open(t.TempDir())
	k := NewHasher("test").String("a").Sum()
	if _, ok := c.Get("ns", k); ok {
		t.Fatal("Get on an empty cache hit")
	}
	if !c.Put("ns", k, []byte("value")) {
		t.Fatal("Put reported that it stored nothing")
	}
	if got, ok := c.Get("ns", k); !ok || string(got) != "value" {
		t.Errorf("Get after Put = %q, %v; want %q", got, ok, "value")
	}
	e, ok := c.Open("ns", k)
	if !ok {
		t.Fatal("Open after Put found no entry")
	}
	part := make([]byte, 3)
	if !e.ReadAt(part, 1) || string(part) != "alu" {
		t.Errorf("ReadAt(1) of 3 bytes = %q; want %q", part, "alu")
	}
	if e.ReadAt(part, 4) {
		t.Error("ReadAt past the end of the entry reported success")
	}
	if n, ok := e.Size(); !ok || n != int64(len("value")) {
		t.Errorf("Size = %d, %v; want %d", n, ok, len("value"))
	}
	e.Close()
	if _, ok := c.Open("other", k); ok {
		t.Error("Open of a missing entry reported success")
	}
	if _, ok := c.Get("other", k); ok {
		t.Error("an entry is visible in another namespace")
	}
	// Another program (another salt) never reads this one's entries.
	other := &Cache{dir: c.dir, salt: NewHasher("another executable").Sum(), usage: usageOf(c.dir)}
	if _, ok := other.Get("ns", k); ok {
		t.Error("an entry written by one executable was read by another")
	}
	// No temporary files are left behind.
	filepath.WalkDir(c.dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Base(p)[0] == '.' {
			t.Errorf("left %s", p)
		}
		return err
	})
}

// TestPutParts checks that parts stored one after another read back as
// one entry, the bytes Put stores for them joined.
func TestPutParts(t *testing.T) {
	t.Parallel()
	c := Open(t.TempDir())
	big := strings.Repeat("x", 100<<10) // more than the writer's buffer
	parts := [][]byte{[]byte("a"), nil, []byte(big), []byte("bc")}
	k := NewHasher("test").String("parts").Sum()
	if !c.PutParts("ns", k, parts) {
		t.Fatal("PutParts reported that it stored nothing")
	}
	if got, ok := c.Get("ns", k); !ok || string(got) != "a"+big+"bc" {
		t.Errorf("Get after PutParts = %d bytes, %v; want %d", len(got), ok, len(big)+3)
	}
	if string(parts[0]) != "a" || string(parts[3]) != "bc" {
		t.Error("PutParts changed its parts")
	}
}

// TestMapEntries checks that a cache whose entries are mapped reads what
// one that reads them does, and that an entry stored again leaves the
// bytes Get returned before as they were.
func TestMapEntries(t *testing.T) {
	t.Parallel()
	c := Open(t.TempDir())
	c.MapEntries()
	k := NewHasher("test").String("a").Sum()
	if _, ok := c.Get("ns", k); ok {
		t.Fatal("Get on an empty cache hit")
	}
	c.Put("ns", k, []byte("value"))
	got, ok := c.Get("ns", k)
	if !ok || string(got) != "value" {
		t.Fatalf("Get after Put = %q, %v; want %q", got, ok, "value")
	}
	c.Put("ns", k, []byte("other value"))
	if string(got) != "value" {
		t.Errorf("an entry stored again changed the bytes read before: %q", got)
	}
	if again, ok := c.Get("ns", k); !ok || string(again) != "other value" {
		t.Errorf("Get after the second Put = %q, %v; want %q", again, ok, "other value")
	}
	c.Put("ns", k, nil)
	if empty, ok := c.Get("ns", k); !ok || len(empty) != 0 {
		t.Errorf("Get of an empty entry = %q, %v; want an empty hit", empty, ok)
	}
}

func TestNilCache(t *testing.T) {
	t.Parallel()
	var c *Cache
	if c.Put("ns", Key{}, []byte("x")) {
		t.Error("a nil cache stored an entry")
	}
	if _, ok := c.Open("ns", Key{}); ok {
		t.Error("a nil cache opened an entry")
	}
	if _, ok := c.Get("ns", Key{}); ok {
		t.Error("a nil cache hit")
	}
	if c.Dir() != "" || c.Salt() != (Key{}) {
		t.Error("a nil cache has a folder or a salt")
	}
}

// TestHasherSeparatesValues checks that values are delimited: moving a
// byte from one value to the next changes the key.
func TestHasherSeparatesValues(t *testing.T) {
	t.Parallel()
	a := NewHasher("k").String("ab").String("c").Sum()
	b := NewHasher("k").String("a").String("bc").Sum()
	c := NewHasher("j").String("ab").String("c").Sum()
	if a == b || a == c {
		t.Errorf("keys collide: %s %s %s", a, b, c)
	}
	if a != NewHasher("k").String("ab").String("c").Sum() {
		t.Error("the same values give different keys")
	}
	// Values of the same length: each one's bytes count, not only its
	// length.
	for _, pair := range [][2]*Hasher{
		{NewHasher("k").String("ab"), NewHasher("k").String("ba")},
		{NewHasher("k").Bytes([]byte("ab")), NewHasher("k").Bytes([]byte("ba"))},
		{NewHasher("k").Int(1), NewHasher("k").Int(2)},
		{NewHasher("k").Key(a), NewHasher("k").Key(b)},
		{NewHasher("k").Key(a).Int(1), NewHasher("k").Key(a).Int(2)},
	} {
		if pair[0].Sum() == pair[1].Sum() {
			t.Errorf("different values of the same length give the same key %s", pair[0].Sum())
		}
	}
}

// TestHasherStreams checks that a key is the hash of the bytes added,
// whether the Hasher gathered them or streamed them past streamAt, and
// however they were split between values and calls.
func TestHasherStreams(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("0123456789abcdef", 3*streamBuf/16+3)
	for _, n := range []int{0, 1, streamAt - 24, streamAt - 16, streamAt - 15, streamAt, streamAt + 1, streamBuf - 24, streamBuf - 9, streamBuf, streamBuf + 1, 2*streamBuf + 5, len(long)} {
		h := NewHasher("k").String(long[:n]).Int(7).Bytes([]byte(long[:n/3]))
		// The same bytes, laid out by hand and hashed at once.
		var want []byte
		for _, v := range []string{"k", long[:n]} {
			want = binary.LittleEndian.AppendUint64(want, uint64(len(v)))
			want = append(want, v...)
		}
		want = binary.LittleEndian.AppendUint64(want, 7)
		want = binary.LittleEndian.AppendUint64(want, uint64(n/3))
		want = append(want, long[:n/3]...)
		if got := h.Sum(); got != Sum(want) {
			t.Errorf("%d bytes: key %s, want the hash of its bytes %s", n, got, Sum(want))
		}
		if got := h.Sum(); got != Sum(want) {
			t.Errorf("%d bytes, summed again: key %s, want %s", n, got, Sum(want))
		}
		// Written a byte at a time, through io.Writer, to a Hasher that
		// starts with the same kind.
		w := NewHasher("k")
		for _, b := range want[9:] {
			w.Write([]byte{b})
		}
		if got := w.Sum(); got != Sum(want) {
			t.Errorf("%d bytes written one at a time: key %s, want %s", n, got, Sum(want))
		}
		// Again with a Hasher reset after a key of its own, short or
		// streamed, summed or not.
		for _, c := range []struct {
			before string
			summed bool
		}{{"x", true}, {"x", false}, {long, true}, {long, false}} {
			summed := c.summed
			r := NewHasher("other").String(c.before)
			if summed {
				r.Sum()
			}
			r.Reset("k")
			r.String(long[:n]).Int(7).Bytes([]byte(long[:n/3]))
			if got := r.Sum(); got != Sum(want) {
				t.Errorf("%d bytes, after Reset (summed before: %v): key %s, want %s", n, summed, got, Sum(want))
			}
		}
	}
	// Numbers, each gathered where it fits, across the buffers' ends.
	h := NewHasher("k")
	want := binary.LittleEndian.AppendUint64(nil, 1)
	want = append(want, 'k')
	for i := range 3*streamBuf/8 + 5 {
		h.Int(int64(i)).Bytes([]byte{byte(i)})
		want = binary.LittleEndian.AppendUint64(want, uint64(i))
		want = binary.LittleEndian.AppendUint64(want, 1)
		want = append(want, byte(i))
	}
	if got := h.Sum(); got != Sum(want) {
		t.Errorf("numbers: key %s, want the hash of their bytes %s", got, Sum(want))
	}
}

// TestSumParts checks that the key of parts is the key of their bytes
// joined, however they are cut.
func TestSumParts(t *testing.T) {
	t.Parallel()
	data := []byte(strings.Repeat("{\"id\": \"x\"},\n", 500))
	for _, cuts := range [][]int{nil, {0}, {1}, {17, 240, 241}, {1024, 1025, 3000}, {len(data)}} {
		var parts [][]byte
		at := 0
		for _, c := range cuts {
			parts = append(parts, data[at:c])
			at = c
		}
		parts = append(parts, data[at:])
		if got, want := SumParts(parts), Sum(data); got != want {
			t.Errorf("cut at %v: key %s, want %s", cuts, got, want)
		}
	}
	if got, want := SumParts(nil), Sum(nil); got != want {
		t.Errorf("no parts: key %s, want %s", got, want)
	}
}

// TestHasherSummed checks that a Hasher written to after Sum panics
// rather than give a key of part of its values.
func TestHasherSummed(t *testing.T) {
	for _, n := range []int{1, 2 * streamAt} {
		h := NewHasher("k").String(strings.Repeat("x", n))
		h.Sum()
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%d bytes: no panic on a write after Sum", n)
				}
			}()
			h.Int(1)
		}()
	}
}

func TestStampedSalt(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	exe := filepath.Join(t.TempDir(), "handbook")
	if err := os.WriteFile(exe, []byte("program one"), 0o755); err != nil {
		t.Fatal(err)
	}
	hashes := 0
	hash := func(s string) func() Key {
		return func() Key { hashes++; return NewHasher("test").String(s).Sum() }
	}
	later := time.Now().Add(time.Minute).UnixNano()
	// Just written: never trusted by its stamp.
	if got, want := stampedSalt(dir, exe, time.Now().UnixNano(), hash("one")), hash("one")(); got != want {
		t.Fatalf("salt of a new program = %v, want its hash %v", got, want)
	}
	hashes = 0
	one := stampedSalt(dir, exe, later, hash("one"))
	if again := stampedSalt(dir, exe, later, hash("not read")); again != one || hashes != 1 {
		t.Errorf("salt of an unchanged program = %v after %d hashes, want %v from the cache after 1", again, hashes, one)
	}
	// Rewritten in place, even with the same size and time: its change
	// time moves, and it is hashed again.
	info, _ := os.Stat(exe)
	if err := os.WriteFile(exe, []byte("program two"), 0o755); err != nil {
		t.Fatal(err)
	}
	os.Chtimes(exe, info.ModTime(), info.ModTime())
	if got, want := stampedSalt(dir, exe, later, hash("two")), hash("two")(); got != want {
		t.Errorf("salt of a rewritten program = %v, want its new hash %v", got, want)
	}
}

// BenchmarkHasher hashes a key like a list page's: a few hundred small
// values, 3 KB in all, past what a Hasher gathers before it streams.
func BenchmarkHasher(b *testing.B) {
	strs := []string{"updates/2026-11-25-ana-souza-autovacuum", "Ana Souza", "/people/ana-souza/", "platform", "Platform Engineering", "on-track", "/teams/platform/", "2026-11-25"}
	k := Sum([]byte("document"))
	for b.Loop() {
		h := NewHasher("page")
		for range 20 {
			h.Key(k)
			for _, s := range strs {
				h.String(s)
			}
			h.Int(42)
		}
		h.Sum()
	}
}
