package search

// matchingIDs returns the IDs of the rows a result gives as matching.
func matchingIDs(rows []Row) []string {
	var out []string
	for _, r := range rows {
		if !r.Similar() {
			out = append(out, r.Measure.ID)
		}
	}
	return out
}
