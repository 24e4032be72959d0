package data

// ShortKey is the form of an author's key fingerprint shown beside their
// name wherever two people could be confused (the window's detail and
// import preview, the reports, `scoplan show`): the fingerprint as changes
// carry it, AuthorIDHexLen lower-case hex digits, cut there should a
// longer one ever come along, and "" for none.
func ShortKey(author string) string {
	if len(author) > AuthorIDHexLen {
		return author[:AuthorIDHexLen]
	}
	return author
}
