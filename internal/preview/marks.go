package preview

// The marks of good and bad facts, drawn as paths (no font needed).
const (
	markGood = '✓'
	markBad  = '✗'
)
