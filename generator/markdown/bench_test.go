package markdown

import (
	"strings"
	"testing"
)

// benchDoc is a check-in of the usual size, with a table, a list, links
// and code in two languages, as every build converts thousands of.
var benchDoc = []byte(`## Done

- Shipped the **planner** behind a flag; p95 down from 900 to 430 ms.
- Reviewed [the runbook](../handbook/runbook.md#failover) with Lukas.

| shard | before | after |
|---|---:|---:|
| eu-1 | 910 ms | 420 ms |
| us-2 | 880 ms | 445 ms |

` + "```go\nfunc plan(w *Workspace) []Shard {\n\tvar out []Shard\n\tfor _, s := range w.Shards {\n\t\tout = append(out, s)\n\t}\n\treturn out\n}\n```\n\n" +
	"```sql\nSELECT id, load FROM shards WHERE load > 0.8 ORDER BY load DESC;\n```\n\n" +
	`## Next

- Batched writes for PostgreSQL, then MySQL.

## Blockers

- None.
`)

// BenchmarkConvert converts a check-in with two code blocks.
func BenchmarkConvert(b *testing.B) {
	c := New(Options{})
	rewrite := func(dest string, image bool) string { return strings.TrimSuffix(dest, ".md") + "/" }
	b.SetBytes(int64(len(benchDoc)))
	for b.Loop() {
		if _, err := c.Convert(benchDoc, rewrite, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkConvertNoCode converts the same check-in without its code
// blocks: highlighting them is most of BenchmarkConvert's time.
func BenchmarkConvertNoCode(b *testing.B) {
	c := New(Options{})
	doc := []byte(strings.Split(string(benchDoc), "```go")[0] + "## Next\n\n- Batched writes.\n")
	b.SetBytes(int64(len(doc)))
	for b.Loop() {
		if _, err := c.Convert(doc, nil, nil); err != nil {
			b.Fatal(err)
		}
	}
}
