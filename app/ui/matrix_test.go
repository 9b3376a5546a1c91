package ui

import (
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestInOrderLeavesALongestRunInPlace checks the rows patchMatrix leaves
// where they are: on random orders, a subsequence of the wanted rows whose
// DOM positions increase (so moving only the others yields the wanted
// order), never a row that is not attached, and as long as the longest
// such subsequence (found here by the quadratic method).
func TestInOrderLeavesALongestRunInPlace(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 500 {
		n := rng.IntN(12)
		want := make([]string, n)
		for i := range want {
			want[i] = strconv.Itoa(i)
		}
		rng.Shuffle(n, func(i, j int) { want[i], want[j] = want[j], want[i] })
		pos := map[string]int{}
		for _, p := range rng.Perm(n) {
			if rng.IntN(4) > 0 { // a quarter of the rows are not attached
				pos[want[p]] = len(pos)
			}
		}
		stay := inOrder(want, pos)
		last := -1
		for _, id := range want {
			if !stay[id] {
				continue
			}
			p, ok := pos[id]
			if !ok {
				t.Fatalf("trial %d: %s stays but is not attached", trial, id)
			}
			if p <= last {
				t.Fatalf("trial %d: rows that stay are out of order: %v with %v", trial, want, pos)
			}
			last = p
		}
		if got, best := len(stay), longestRun(want, pos); got != best {
			t.Errorf("trial %d: %d rows stay, the longest run in order has %d (%v, %v)", trial, got, best, want, pos)
		}
	}
}

func longestRun(want []string, pos map[string]int) int {
	best := make([]int, len(want))
	most := 0
	for i, id := range want {
		p, ok := pos[id]
		if !ok {
			continue
		}
		best[i] = 1
		for j := range i {
			if q, ok := pos[want[j]]; ok && q < p && best[j]+1 > best[i] {
				best[i] = best[j] + 1
			}
		}
		most = max(most, best[i])
	}
	return most
}
